package io.isthmus.model.baseline.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.protocol.dnp3.internal.Dnp3Config;
import io.isthmus.protocol.dnp3.internal.Dnp3TcpDecoder;
import io.isthmus.protocol.modbus.internal.ModbusConfig;
import io.isthmus.protocol.modbus.internal.ModbusDecoder;
import io.isthmus.protocol.mqtt.internal.MqttConfig;
import io.isthmus.protocol.mqtt.internal.MqttDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/** Real captures replayed through the capture layer and the decoders (built as SCR would, with defaults). */
final class Captures {
  private Captures() {}

  static List<TelemetryEvent> modbus(String resource) {
    return replay(resource, new ModbusDecoder(defaults(ModbusConfig.class)));
  }

  static List<TelemetryEvent> mqtt(String resource) {
    return replay(resource, new MqttDecoder(defaults(MqttConfig.class)));
  }

  static List<TelemetryEvent> dnp3(String resource) {
    return replay(resource, new Dnp3TcpDecoder(defaults(Dnp3Config.class)));
  }

  static List<Finding> observe(BaselineModel model, List<TelemetryEvent> events) {
    List<Finding> findings = new ArrayList<>();
    for (TelemetryEvent e : events) {
      model.observe(e, findings::add);
    }
    return findings;
  }

  private static List<TelemetryEvent> replay(String resource, ProtocolDecoder decoder) {
    try (InputStream in = Captures.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return OfflineReplay.run(in, resource, decoder).events();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T defaults(Class<T> type) {
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
        switch (method.getName()) {
          case "annotationType" -> type;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "defaults of " + type.getName();
          default -> method.getDefaultValue();
        });
  }
}
