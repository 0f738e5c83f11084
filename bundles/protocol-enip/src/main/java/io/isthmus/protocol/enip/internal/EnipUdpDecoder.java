package io.isthmus.protocol.enip.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecoderService;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Collection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * EtherNet/IP over UDP: encapsulation datagrams on 44818 (List Identity, List Services) and CIP
 * connected I/O on 2222. Each datagram is told apart by its content, not its port, since I/O
 * may be configured on other ports.
 */
@Component(service = ProtocolDecoder.class, configurationPid = EnipConfig.PID, property = "isthmus.protocol=enip")
public final class EnipUdpDecoder extends DecoderService {

  @Activate
  public EnipUdpDecoder(EnipConfig config) {
    this(ports(config.udpPorts()));
  }

  EnipUdpDecoder(Collection<Integer> ports) {
    super(EnipTcpDecoder.PROTOCOL, Transport.UDP, EnipConfig.PID, ports);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new EnipConversation(conversation, true);
  }
}
