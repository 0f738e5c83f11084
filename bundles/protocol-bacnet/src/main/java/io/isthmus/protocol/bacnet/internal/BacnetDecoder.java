package io.isthmus.protocol.bacnet.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecoderService;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Collection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** The BACnet/IP decoder service: one {@link BacnetConversation} per UDP conversation. */
@Component(service = ProtocolDecoder.class, configurationPid = BacnetConfig.PID, property = "isthmus.protocol=bacnet")
@Designate(ocd = BacnetConfig.class)
public final class BacnetDecoder extends DecoderService {
  static final String PROTOCOL = "bacnet";

  /** Device instances learned from I-Am and device-object reads, shared by all conversations. */
  private final DeviceDirectory devices = new DeviceDirectory();

  @Activate
  public BacnetDecoder(BacnetConfig config) {
    this(ports(config.ports()));
  }

  BacnetDecoder(Collection<Integer> ports) {
    super(PROTOCOL, Transport.UDP, BacnetConfig.PID, ports);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new BacnetConversation(conversation, devices);
  }
}
