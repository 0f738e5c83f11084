package io.isthmus.protocol.enip.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * EtherNet/IP explicit messaging over TCP (44818). A {@link ProtocolDecoder} serves one
 * transport, so UDP (List Identity, connected I/O) is the separate {@link EnipUdpDecoder}
 * service; both read the one configuration.
 */
@Component(service = ProtocolDecoder.class, configurationPid = EnipConfig.PID, property = "isthmus.protocol=enip")
@Designate(ocd = EnipConfig.class)
public final class EnipTcpDecoder implements ProtocolDecoder {
  static final String PROTOCOL = "enip";

  private final Set<Integer> ports;

  @Activate
  public EnipTcpDecoder(EnipConfig config) {
    this(Ports.of(config.tcpPorts(), "TCP"));
  }

  EnipTcpDecoder(Set<Integer> ports) {
    this.ports = Set.copyOf(ports);
  }

  @Override
  public String protocol() {
    return PROTOCOL;
  }

  @Override
  public Transport transport() {
    return Transport.TCP;
  }

  @Override
  public Set<Integer> ports() {
    return ports;
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new EnipConversation(conversation, false);
  }
}
