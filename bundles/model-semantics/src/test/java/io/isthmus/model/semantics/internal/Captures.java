package io.isthmus.model.semantics.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Objects;

/**
 * Turns a test capture into the events the real decoders emit. Decoders are created as SCR would
 * with no configuration: through their public constructor, with a configuration proxy answering
 * each setting's declared default.
 */
final class Captures {
  private static final String[] DECODERS = {
      "io.isthmus.protocol.modbus.internal.ModbusDecoder",
      "io.isthmus.protocol.dnp3.internal.Dnp3TcpDecoder",
      "io.isthmus.protocol.dnp3.internal.Dnp3UdpDecoder",
      "io.isthmus.protocol.enip.internal.EnipTcpDecoder",
      "io.isthmus.protocol.enip.internal.EnipUdpDecoder",
      "io.isthmus.protocol.bacnet.internal.BacnetDecoder"};

  private Captures() {}

  static List<TelemetryEvent> events(String resource) throws IOException {
    try (InputStream in = Objects.requireNonNull(Captures.class.getResourceAsStream("/" + resource), resource)) {
      return OfflineReplay.run(in, resource, decoders()).events();
    }
  }

  private static ProtocolDecoder[] decoders() {
    ProtocolDecoder[] out = new ProtocolDecoder[DECODERS.length];
    try {
      for (int i = 0; i < DECODERS.length; i++) {
        out[i] = create(Class.forName(DECODERS[i]));
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static ProtocolDecoder create(Class<?> type) throws ReflectiveOperationException {
    for (Constructor<?> c : type.getConstructors()) {
      Class<?>[] params = c.getParameterTypes();
      if (params.length == 1 && params[0].isAnnotation()) {
        return (ProtocolDecoder) c.newInstance(defaults(params[0]));
      }
    }
    throw new NoSuchMethodException(type.getName() + " has no public constructor taking its configuration");
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
