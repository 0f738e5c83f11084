package io.isthmus.protocol.mqtt.internal;

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

/** The MQTT decoder service: one {@link MqttConversation} per TCP connection. */
@Component(service = ProtocolDecoder.class, configurationPid = MqttConfig.PID, property = "isthmus.protocol=mqtt")
@Designate(ocd = MqttConfig.class)
public final class MqttDecoder implements ProtocolDecoder {
  static final String PROTOCOL = "mqtt";
  static final int DEFAULT_MAX_BUFFERED = 65_536;

  private final Set<Integer> ports;
  private final int maxBuffered;

  @Activate
  public MqttDecoder(MqttConfig config) {
    this(Arrays.stream(config.ports()).boxed().collect(Collectors.toUnmodifiableSet()), config.maxBufferedPacket());
  }

  MqttDecoder(Set<Integer> ports, int maxBuffered) {
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(MqttConfig.PID + ": port " + port + " is not a TCP port");
      }
    }
    if (maxBuffered < 1024) {
      throw new IllegalArgumentException(MqttConfig.PID + ": maxBufferedPacket " + maxBuffered + " is below 1024");
    }
    this.ports = Set.copyOf(ports);
    this.maxBuffered = maxBuffered;
  }

  MqttDecoder(Set<Integer> ports) {
    this(ports, DEFAULT_MAX_BUFFERED);
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
    return new MqttConversation(conversation, maxBuffered);
  }
}
