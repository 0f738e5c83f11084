package io.isthmus.protocol.enip.internal;

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
 * EtherNet/IP explicit messaging over TCP (44818). A {@link ProtocolDecoder} serves one
 * transport, so UDP (List Identity, connected I/O) is the separate {@link EnipUdpDecoder}
 * service; both read the one configuration.
 */
@Component(service = ProtocolDecoder.class, configurationPid = EnipConfig.PID, property = "isthmus.protocol=enip")
@Designate(ocd = EnipConfig.class)
public final class EnipTcpDecoder extends DecoderService {
  static final String PROTOCOL = "enip";

  @Activate
  public EnipTcpDecoder(EnipConfig config) {
    this(ports(config.tcpPorts()));
  }

  EnipTcpDecoder(Collection<Integer> ports) {
    super(PROTOCOL, Transport.TCP, EnipConfig.PID, ports);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new EnipConversation(conversation, false);
  }
}
