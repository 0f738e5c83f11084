package io.isthmus.model.semantics.internal;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Distinct values (Modbus unit ids, function codes) one peer used against one device within a
 * sliding window. A master polls a handful of units with a handful of functions; a scanner walks
 * through many. Bounded: at most {@code peers} keys per device (LRU); the values are one-byte
 * protocol fields, so at most 256 each.
 */
final class Sweeps {
  private final long windowMicros;
  private final Map<String, Map<Integer, Long>> seen;

  Sweeps(long windowMicros, int peers) {
    this.windowMicros = windowMicros;
    this.seen = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Map<Integer, Long>> eldest) {
        return size() > peers;
      }
    };
  }

  /**
   * Records {@code value} for {@code key}; returns how many distinct values it used within the
   * window, exact once it reaches {@code threshold} (stale values are only pruned from there on).
   */
  int record(String key, int value, long timeMicros, int threshold) {
    Map<Integer, Long> values = seen.computeIfAbsent(key, k -> new HashMap<>());
    values.put(value, timeMicros);
    if (values.size() >= threshold) {
      prune(values, timeMicros);
    }
    return values.size();
  }

  private void prune(Map<Integer, Long> values, long now) {
    for (Iterator<Long> it = values.values().iterator(); it.hasNext(); ) {
      long t = it.next();
      if (now - t > windowMicros) {
        it.remove();
      }
    }
  }
}
