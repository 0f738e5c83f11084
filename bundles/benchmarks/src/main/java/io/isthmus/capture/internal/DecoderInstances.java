package io.isthmus.capture.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates decoder components outside OSGi the way SCR would with no configuration: through the
 * public constructor whose parameters are all component property types, each answering its
 * declared defaults.
 */
final class DecoderInstances {
  private DecoderInstances() {}

  static List<ProtocolDecoder> create(String... classNames) throws ReflectiveOperationException {
    List<ProtocolDecoder> decoders = new ArrayList<>();
    for (String name : classNames) {
      decoders.add(create(Class.forName(name)));
    }
    return decoders;
  }

  private static ProtocolDecoder create(Class<?> type) throws ReflectiveOperationException {
    for (Constructor<?> c : type.getConstructors()) {
      Class<?>[] params = c.getParameterTypes();
      Object[] args = new Object[params.length];
      boolean usable = true;
      for (int i = 0; i < params.length && usable; i++) {
        usable = params[i].isAnnotation();
        if (usable) {
          args[i] = defaults(params[i]);
        }
      }
      if (usable) {
        return (ProtocolDecoder) c.newInstance(args);
      }
    }
    throw new NoSuchMethodException(type.getName() + " has no public constructor taking only configuration types");
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
