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

  /** Mutable counts: a merge of boxed Longs would allocate for every weird past the 127th. */
  private final Map<String, long[]> counts = new TreeMap<>();
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
    counts.computeIfAbsent(name, n -> new long[1])[0]++;
    total++;
    listener.weird(timeMicros, name, detail, uid);
  }

  long total() {
    return total;
  }

  long count(String name) {
    long[] count = counts.get(name);
    return count == null ? 0 : count[0];
  }

  /** Counts by name, sorted by name. */
  Map<String, Long> counts() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((name, count) -> copy.put(name, count[0]));
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String toString() {
    return counts().toString();
  }
}
