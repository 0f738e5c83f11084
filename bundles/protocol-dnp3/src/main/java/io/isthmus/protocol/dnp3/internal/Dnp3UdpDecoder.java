package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecoderService;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Collection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** DNP3 over UDP: the same decoder as {@link Dnp3TcpDecoder}, one datagram at a time, with the same configuration. */
@Component(service = ProtocolDecoder.class, configurationPid = Dnp3Config.PID, property = "isthmus.protocol=dnp3")
public final class Dnp3UdpDecoder extends DecoderService {

  @Activate
  public Dnp3UdpDecoder(Dnp3Config config) {
    this(ports(config.udpPorts()));
  }

  Dnp3UdpDecoder(Collection<Integer> ports) {
    super(Dnp3TcpDecoder.PROTOCOL, Transport.UDP, Dnp3Config.PID, ports);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new Dnp3Conversation(conversation, true);
  }
}
