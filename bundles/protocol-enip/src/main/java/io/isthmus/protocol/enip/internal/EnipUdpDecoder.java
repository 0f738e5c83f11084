package io.isthmus.protocol.enip.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * EtherNet/IP over UDP: encapsulation datagrams on 44818 (List Identity, List Services) and CIP
 * connected I/O on 2222. Each datagram is told apart by its content, not its port, since I/O
 * may be configured on other ports.
 */
@Component(service = ProtocolDecoder.class, configurationPid = EnipConfig.PID, property = "isthmus.protocol=enip")
public final class EnipUdpDecoder implements ProtocolDecoder {

  private final Set<Integer> ports;

  @Activate
  public EnipUdpDecoder(EnipConfig config) {
    this(Ports.of(config.udpPorts(), "UDP"));
  }

  EnipUdpDecoder(Set<Integer> ports) {
    this.ports = Set.copyOf(ports);
  }

  @Override
  public String protocol() {
    return EnipTcpDecoder.PROTOCOL;
  }

  @Override
  public Transport transport() {
    return Transport.UDP;
  }

  @Override
  public Set<Integer> ports() {
    return ports;
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new EnipConversation(conversation, true);
  }
}
