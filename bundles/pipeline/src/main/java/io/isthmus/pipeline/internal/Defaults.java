package io.isthmus.pipeline.internal;

import java.lang.reflect.Proxy;

/** An instance of a configuration annotation whose every attribute has its declared default. */
final class Defaults {
  private Defaults() {}

  static <A> A of(Class<A> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      Object value = method.getDefaultValue();
      if (value == null) {
        throw new IllegalStateException(type.getSimpleName() + "." + method.getName() + " has no default");
      }
      return value;
    }));
  }
}
