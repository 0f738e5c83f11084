package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecoderService;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Collection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * DNP3 over TCP. A {@link ProtocolDecoder} serves one transport, so DNP3 registers two services
 * ({@link Dnp3UdpDecoder} is the other) that share one configuration and one conversation decoder.
 */
@Component(service = ProtocolDecoder.class, configurationPid = Dnp3Config.PID, property = "isthmus.protocol=dnp3")
@Designate(ocd = Dnp3Config.class)
public final class Dnp3TcpDecoder extends DecoderService {
  static final String PROTOCOL = "dnp3";

  @Activate
  public Dnp3TcpDecoder(Dnp3Config config) {
    this(ports(config.tcpPorts()));
  }

  Dnp3TcpDecoder(Collection<Integer> ports) {
    super(PROTOCOL, Transport.TCP, Dnp3Config.PID, ports);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new Dnp3Conversation(conversation, false);
  }
}
