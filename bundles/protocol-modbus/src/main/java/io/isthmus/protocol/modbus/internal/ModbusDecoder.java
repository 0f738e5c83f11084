package io.isthmus.protocol.modbus.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecoderService;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Collection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** The Modbus/TCP decoder service: one {@link ModbusConversation} per connection. */
@Component(service = ProtocolDecoder.class, configurationPid = ModbusConfig.PID, property = "isthmus.protocol=modbus")
@Designate(ocd = ModbusConfig.class)
public final class ModbusDecoder extends DecoderService {
  static final String PROTOCOL = "modbus";

  @Activate
  public ModbusDecoder(ModbusConfig config) {
    this(ports(config.ports()));
  }

  ModbusDecoder(Collection<Integer> ports) {
    super(PROTOCOL, Transport.TCP, ModbusConfig.PID, ports);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new ModbusConversation(conversation);
  }
}
