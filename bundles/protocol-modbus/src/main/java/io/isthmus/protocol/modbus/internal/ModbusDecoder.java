package io.isthmus.protocol.modbus.internal;

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

/** The Modbus/TCP decoder service: one {@link ModbusConversation} per connection. */
@Component(service = ProtocolDecoder.class, configurationPid = ModbusConfig.PID, property = "isthmus.protocol=modbus")
@Designate(ocd = ModbusConfig.class)
public final class ModbusDecoder implements ProtocolDecoder {
  static final String PROTOCOL = "modbus";

  private final Set<Integer> ports;

  @Activate
  public ModbusDecoder(ModbusConfig config) {
    this(Arrays.stream(config.ports()).boxed().collect(Collectors.toUnmodifiableSet()));
  }

  ModbusDecoder(Set<Integer> ports) {
    for (int port : ports) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException(ModbusConfig.PID + ": port " + port + " is not a TCP port");
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
    return Transport.TCP;
  }

  @Override
  public Set<Integer> ports() {
    return ports;
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new ModbusConversation(conversation);
  }
}
