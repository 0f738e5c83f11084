package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * DNP3 over TCP. A {@link ProtocolDecoder} serves one transport, so DNP3 registers two services
 * ({@link Dnp3UdpDecoder} is the other) that share one configuration and one conversation decoder.
 */
@Component(service = ProtocolDecoder.class, configurationPid = Dnp3Config.PID, property = "isthmus.protocol=dnp3")
@Designate(ocd = Dnp3Config.class)
public final class Dnp3TcpDecoder implements ProtocolDecoder {
  static final String PROTOCOL = "dnp3";

  private final Set<Integer> ports;

  @Activate
  public Dnp3TcpDecoder(Dnp3Config config) {
    this(portSet(config.tcpPorts()));
  }

  Dnp3TcpDecoder(Set<Integer> ports) {
    this.ports = checked(ports, "TCP");
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
    return new Dnp3Conversation(conversation, false);
  }

  static Set<Integer> portSet(int[] ports) {
    return Arrays.stream(ports).boxed().collect(Collectors.toUnmodifiableSet());
  }

  static Set<Integer> checked(Set<Integer> ports, String transport) {
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(Dnp3Config.PID + ": port " + port + " is not a " + transport + " port");
      }
    }
    return Set.copyOf(ports);
  }
}
