package io.isthmus.model.sequence.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.protocol.enip.internal.EnipTcpDecoder;
import io.isthmus.protocol.enip.internal.EnipUdpDecoder;
import io.isthmus.protocol.modbus.internal.ModbusDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Objects;

/** Real captures from the test resources turned into events by the real decoders, configured with their defaults. */
final class Captures {
  private Captures() {}

  static List<TelemetryEvent> modbus(String resource) throws IOException {
    return replay(resource, decoder(ModbusDecoder.class));
  }

  static List<TelemetryEvent> enip(String resource) throws IOException {
    return replay(resource, decoder(EnipTcpDecoder.class), decoder(EnipUdpDecoder.class));
  }

  private static List<TelemetryEvent> replay(String resource, ProtocolDecoder... decoders) throws IOException {
    try (InputStream in = Objects.requireNonNull(Captures.class.getResourceAsStream("/" + resource), resource)) {
      return OfflineReplay.run(in, resource, decoders).events();
    }
  }

  /** The decoder as SCR would create it with no configuration: each config method answers its default. */
  private static ProtocolDecoder decoder(Class<? extends ProtocolDecoder> type) {
    try {
      for (Constructor<?> c : type.getConstructors()) {
        Class<?>[] params = c.getParameterTypes();
        if (params.length == 1 && params[0].isAnnotation()) {
          return (ProtocolDecoder) c.newInstance(defaults(params[0]));
        }
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException(type + " has no configuration constructor");
  }

  private static Object defaults(Class<?> configType) {
    return Proxy.newProxyInstance(configType.getClassLoader(), new Class<?>[] {configType}, (proxy, method, args) ->
        switch (method.getName()) {
          case "annotationType" -> configType;
          case "toString" -> "defaults of " + configType.getName();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> method.getDefaultValue();
        });
  }
}
