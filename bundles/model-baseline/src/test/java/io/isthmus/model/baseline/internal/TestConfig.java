package io.isthmus.model.baseline.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link BaselineConfig} answering the declared defaults except where {@code overrides} says otherwise. */
final class TestConfig {
  private TestConfig() {}

  static BaselineConfig with(Map<String, Object> overrides) {
    return (BaselineConfig) Proxy.newProxyInstance(BaselineConfig.class.getClassLoader(),
        new Class<?>[] {BaselineConfig.class}, (proxy, method, args) -> switch (method.getName()) {
          case "annotationType" -> BaselineConfig.class;
          case "toString" -> "test config " + overrides;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> overrides.containsKey(method.getName()) ? overrides.get(method.getName()) : method.getDefaultValue();
        });
  }

  static BaselineModel model(Map<String, Object> overrides) {
    return new BaselineModel("1.0.0.test", with(overrides));
  }

  /** A model that learns until {@code endLearning()}. */
  static BaselineModel untilEndLearning() {
    return model(Map.of("learning_seconds", 0L, "learning_events", 0L));
  }
}
