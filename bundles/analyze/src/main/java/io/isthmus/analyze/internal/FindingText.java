package io.isthmus.analyze.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How both output formats spell the parts of a finding. */
final class FindingText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private FindingText() {}

  /** ISO-8601 in UTC with microseconds, e.g. {@code 2017-05-11T19:22:01.102380Z}. */
  static String time(long micros) {
    return TIME.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L));
  }

  /** Seconds since the epoch with six decimals, as Zeek's {@code ts}. */
  static String epochSeconds(long micros) {
    return Math.floorDiv(micros, 1_000_000L) + "." + String.format(Locale.ROOT, "%06d", Math.floorMod(micros, 1_000_000L));
  }

  /**
   * The sender of the last evidence event; without evidence, the peer (the other end is what a
   * finding names as the actor).
   */
  static Endpoint source(Finding f) {
    TelemetryEvent last = lastEvidence(f);
    return last == null ? f.peer() : last.source();
  }

  /** The receiver of the last evidence event; without evidence, the device. */
  static Endpoint destination(Finding f) {
    TelemetryEvent last = lastEvidence(f);
    return last == null ? f.device() : last.destination();
  }

  /** The operation of the last evidence event, or empty. */
  static String operation(Finding f) {
    TelemetryEvent last = lastEvidence(f);
    return last == null ? "" : last.operation();
  }

  /** The sensor (capture file) of the last evidence event, or empty. */
  static String sensor(Finding f) {
    TelemetryEvent last = lastEvidence(f);
    return last == null ? "" : last.sensor();
  }

  private static @Nullable TelemetryEvent lastEvidence(Finding f) {
    List<TelemetryEvent> evidence = f.evidence();
    return evidence.isEmpty() ? null : evidence.get(evidence.size() - 1);
  }

  /** The score with two decimals. */
  static String score(double score) {
    return String.format(Locale.ROOT, "%.2f", score);
  }
}
