package io.isthmus.protocol.mqtt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The decoded fields of one control packet, and the first protocol violation found in it. */
final class Fields {
  final Map<String, Object> values = new HashMap<>();
  @Nullable String weird;
  @Nullable String problem;

  Fields put(String name, Object value) {
    values.put(name, value);
    return this;
  }

  @SuppressWarnings("unchecked")
  void add(String listName, Object value) {
    ((List<Object>) values.computeIfAbsent(listName, k -> new ArrayList<>())).add(value);
  }

  @Nullable Object get(String name) {
    return values.get(name);
  }

  int intOr(String name, int otherwise) {
    return values.get(name) instanceof Integer i ? i : otherwise;
  }

  /** Records a violation; the packet still becomes an event, flagged malformed with the first one. */
  void malformed(String weirdName, String detail) {
    if (problem == null) {
      weird = weirdName;
      problem = detail;
    }
  }

  /** Lists become immutable so the event's map copy holds no mutable state. */
  Map<String, Object> freeze() {
    values.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
    return values;
  }
}
