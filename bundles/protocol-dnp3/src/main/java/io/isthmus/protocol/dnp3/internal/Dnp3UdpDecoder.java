package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** DNP3 over UDP: the same decoder as {@link Dnp3TcpDecoder}, one datagram at a time, with the same configuration. */
@Component(service = ProtocolDecoder.class, configurationPid = Dnp3Config.PID, property = "isthmus.protocol=dnp3")
public final class Dnp3UdpDecoder implements ProtocolDecoder {

  private final Set<Integer> ports;

  @Activate
  public Dnp3UdpDecoder(Dnp3Config config) {
    this(Dnp3TcpDecoder.portSet(config.udpPorts()));
  }

  Dnp3UdpDecoder(Set<Integer> ports) {
    this.ports = Dnp3TcpDecoder.checked(ports, "UDP");
  }

  @Override
  public String protocol() {
    return Dnp3TcpDecoder.PROTOCOL;
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
    return new Dnp3Conversation(conversation, true);
  }
}
