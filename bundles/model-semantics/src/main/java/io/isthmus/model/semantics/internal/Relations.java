package io.isthmus.model.semantics.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The hosts one device has accepted writes or master requests from, keyed "protocol peer-ip",
 * with when each was last seen. Least recently seen entries go first when a kind is full, so a
 * scan from thousands of addresses cannot grow the state without bound. Written by the device's
 * scoring thread; synchronized only so that an export while events flow reads a consistent copy.
 */
final class Relations {
  enum Kind { WRITER, MASTER }

  private final Map<String, Long> writers;
  private final Map<String, Long> masters;

  Relations(int capacity) {
    writers = lru(capacity);
    masters = lru(capacity);
  }

  private static Map<String, Long> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  private Map<String, Long> of(Kind kind) {
    return kind == Kind.WRITER ? writers : masters;
  }

  /** Whether {@code key} is known as {@code kind}; if it is, its last-seen time moves to {@code timeMicros}. */
  synchronized boolean touch(Kind kind, String key, long timeMicros) {
    Map<String, Long> map = of(kind);
    Long seen = map.get(key);
    if (seen == null) {
      return false;
    }
    if (timeMicros > seen) {
      map.put(key, timeMicros);
    }
    return true;
  }

  synchronized void learn(Kind kind, String key, long timeMicros) {
    of(kind).merge(key, timeMicros, Math::max);
  }

  synchronized int size(Kind kind) {
    return of(kind).size();
  }

  /** Visits every entry, least recently seen first, so that a re-import keeps the LRU order. */
  synchronized void forEach(Kind kind, BiConsumer<String, Long> visitor) {
    of(kind).forEach(visitor);
  }
}
