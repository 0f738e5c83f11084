package io.isthmus.store.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A {@link StoreConfig} as Config Admin would give it: the values set, the defaults for the rest. */
final class TestStoreConfig {

  private TestStoreConfig() {}

  static StoreConfig of(Map<String, Object> values) {
    return (StoreConfig) Proxy.newProxyInstance(StoreConfig.class.getClassLoader(), new Class<?>[] {StoreConfig.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "annotationType" -> StoreConfig.class;
          case "toString" -> "StoreConfig" + values.keySet();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> values.getOrDefault(method.getName(), method.getDefaultValue());
        });
  }

  /** The test server's URL, user and password (ISTHMUS_TEST_PG_*), with further values. */
  static StoreConfig postgres(String url, Map<String, Object> more) {
    Map<String, Object> values = new java.util.HashMap<>(more);
    values.putIfAbsent("url", url);
    values.putIfAbsent("user", TestPools.env("ISTHMUS_TEST_PG_USER"));
    values.putIfAbsent("password", TestPools.env("ISTHMUS_TEST_PG_PASSWORD"));
    return of(values);
  }
}
