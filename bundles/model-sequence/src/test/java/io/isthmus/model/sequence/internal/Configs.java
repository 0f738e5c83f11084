package io.isthmus.model.sequence.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link SequenceConfig} answering its declared defaults, except the values given. */
final class Configs {
  private Configs() {}

  static SequenceConfig with(Map<String, Object> values) {
    return (SequenceConfig) Proxy.newProxyInstance(SequenceConfig.class.getClassLoader(), new Class<?>[] {SequenceConfig.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "annotationType" -> SequenceConfig.class;
          case "toString" -> "config " + values;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
        });
  }

  static SequenceConfig defaults() {
    return with(Map.of());
  }

  static SequenceModel model() {
    return new SequenceModel("1.0.0.test", defaults());
  }
}
