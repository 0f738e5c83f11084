package io.isthmus.protocol.mqtt.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecoderService;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Collection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** The MQTT decoder service: one {@link MqttConversation} per TCP connection. */
@Component(service = ProtocolDecoder.class, configurationPid = MqttConfig.PID, property = "isthmus.protocol=mqtt")
@Designate(ocd = MqttConfig.class)
public final class MqttDecoder extends DecoderService {
  static final String PROTOCOL = "mqtt";
  static final int DEFAULT_MAX_BUFFERED = 65_536;

  private final int maxBuffered;

  @Activate
  public MqttDecoder(MqttConfig config) {
    this(ports(config.ports()), config.maxBufferedPacket());
  }

  MqttDecoder(Collection<Integer> ports, int maxBuffered) {
    super(PROTOCOL, Transport.TCP, MqttConfig.PID, ports);
    if (maxBuffered < 1024) {
      throw new IllegalArgumentException(MqttConfig.PID + ": maxBufferedPacket " + maxBuffered + " is below 1024");
    }
    this.maxBuffered = maxBuffered;
  }

  MqttDecoder(Collection<Integer> ports) {
    this(ports, DEFAULT_MAX_BUFFERED);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new MqttConversation(conversation, maxBuffered);
  }
}
