package io.isthmus.capture.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Counts anomalies by name (Zeek's {@code weird} records): damaged capture records, malformed
 * packets, reassembly limits, decoder complaints. Each is also passed to a listener that logs it.
 * Used by the replay thread only.
 */
final class Weirds {

  /** Sees every weird as it is counted. */
  @FunctionalInterface
  interface Listener {
    void weird(long timeMicros, String name, String detail, @Nullable String uid);
  }

  private final Map<String, Long> counts = new TreeMap<>();
  private final Listener listener;
  private long total;

  Weirds(Listener listener) {
    this.listener = listener;
  }

  static Weirds silent() {
    return new Weirds((t, n, d, u) -> {});
  }

  void report(long timeMicros, String name, String detail) {
    report(timeMicros, name, detail, null);
  }

  void report(long timeMicros, String name, String detail, @Nullable String uid) {
    counts.merge(name, 1L, Long::sum);
    total++;
    listener.weird(timeMicros, name, detail, uid);
  }

  long total() {
    return total;
  }

  long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /** Counts by name, sorted by name. */
  Map<String, Long> counts() {
    return Collections.unmodifiableMap(new TreeMap<>(counts));
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
