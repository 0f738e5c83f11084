package io.isthmus.capture.internal.decode;

import io.isthmus.capture.internal.StreamReplay;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What all the files decoded to, for the line printed at the end. */
final class DecodeSummary {
  private final long started = System.nanoTime();
  private final Map<String, long[]> weirds = new HashMap<>();
  private int files;
  private long packets;
  private long events;
  private long rows;

  void file(StreamReplay.Stats stats) {
    files++;
    packets += stats.packets();
    events += stats.events();
  }

  void row() {
    rows++;
  }

  void weird(String name) {
    weirds.computeIfAbsent(name, n -> new long[1])[0]++;
  }

  int files() {
    return files;
  }

  long rows() {
    return rows;
  }

  String line() {
    long total = weirds.values().stream().mapToLong(c -> c[0]).sum();
    String byName = weirds.isEmpty() ? "" : new TreeMap<>(weirds).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[0])
        .collect(Collectors.joining(", ", " (", ")"));
    return String.format(Locale.ROOT, "isthmus: decoded %d file%s: %,d packets, %,d events, %,d rows, %,d weird%s%s in %.2f s",
        files, files == 1 ? "" : "s", packets, events, rows, total, total == 1 ? "" : "s", byName,
        (System.nanoTime() - started) / 1e9);
  }
}
