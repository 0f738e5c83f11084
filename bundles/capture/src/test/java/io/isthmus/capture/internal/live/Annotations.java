package io.isthmus.capture.internal.live;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration annotations as DS would hand them over: the given values, else the defaults. */
final class Annotations {
  private Annotations() {}

  static <A> A of(Class<A> type, Map<String, ?> values) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      Object v = values.get(method.getName());
      if (v != null) {
        return v;
      }
      if (method.getDefaultValue() != null) {
        return method.getDefaultValue();
      }
      return switch (method.getName()) {
        case "toString" -> type.getSimpleName() + values;
        case "hashCode" -> values.hashCode();
        case "equals" -> proxy == args[0];
        default -> null;
      };
    }));
  }
}
