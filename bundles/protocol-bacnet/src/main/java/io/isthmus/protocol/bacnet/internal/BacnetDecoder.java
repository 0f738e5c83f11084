package io.isthmus.protocol.bacnet.internal;

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

/** The BACnet/IP decoder service: one {@link BacnetConversation} per UDP conversation. */
@Component(service = ProtocolDecoder.class, configurationPid = BacnetConfig.PID, property = "isthmus.protocol=bacnet")
@Designate(ocd = BacnetConfig.class)
public final class BacnetDecoder implements ProtocolDecoder {
  static final String PROTOCOL = "bacnet";

  private final Set<Integer> ports;
  /** Device instances learned from I-Am and device-object reads, shared by all conversations. */
  private final DeviceDirectory devices = new DeviceDirectory();

  @Activate
  public BacnetDecoder(BacnetConfig config) {
    this(Arrays.stream(config.ports()).boxed().collect(Collectors.toUnmodifiableSet()));
  }

  BacnetDecoder(Set<Integer> ports) {
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(BacnetConfig.PID + ": port " + port + " is not a UDP port");
      }
    }
    this.ports = Set.copyOf(ports);
  }

  @Override
  public String protocol() {
    return PROTOCOL;
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
    return new BacnetConversation(conversation, devices);
  }
}
