package io.isthmus.model.iforest.internal;

import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The features of one device's window of events. Every event whose {@link TelemetryEvent#device()}
 * is the device counts, requests and responses alike.
 *
 * <ul>
 *   <li>{@code events}: number of events in the window.
 *   <li>{@code distinct_operations}: how many different operations (function codes, services).
 *   <li>{@code write_ratio}: share of events whose operation changes the device (see {@link #isWrite}).
 *   <li>{@code distinct_peers}: how many different hosts talked with the device.
 *   <li>{@code interarrival_mean_s}, {@code interarrival_std_s}: mean and standard deviation of the
 *       seconds between consecutive events of the device (the first gap reaches back into the
 *       previous window); 0 when the window has no gap.
 *   <li>{@code payload_mean_bytes}: mean application payload size.
 *   <li>{@code error_ratio}: share of events that are malformed, exception or error responses.
 *   <li>{@code new_operations}: operations the device had not been seen doing before (while
 *       learning: before this window; afterwards: at any time during the learning period).
 *   <li>{@code new_peers}: hosts that had not talked with the device before (same rule).
 * </ul>
 */
final class Features {
  static final List<String> NAMES = List.of(
      "events", "distinct_operations", "write_ratio", "distinct_peers", "interarrival_mean_s",
      "interarrival_std_s", "payload_mean_bytes", "error_ratio", "new_operations", "new_peers");
  static final int EVENTS = 0;
  static final int DISTINCT_OPERATIONS = 1;
  static final int WRITE_RATIO = 2;
  static final int DISTINCT_PEERS = 3;
  static final int INTERARRIVAL_MEAN = 4;
  static final int INTERARRIVAL_STD = 5;
  static final int PAYLOAD_MEAN = 6;
  static final int ERROR_RATIO = 7;
  static final int NEW_OPERATIONS = 8;
  static final int NEW_PEERS = 9;
  static final int COUNT = NAMES.size();

  /**
   * The smallest spread that counts as one unit of deviation per feature, for features that never
   * varied while learning: one event, operation or peer, 5 percentage points, 10 ms, one byte.
   */
  static final double[] MIN_SCALE = {1, 1, 0.05, 1, 0.01, 0.01, 1, 0.05, 1, 1};

  /**
   * How many spreads beyond the learned range a feature may lie before the window counts as an
   * outlier whatever the forest says. The rule covers what a forest cannot see: kinds and ratios
   * that barely varied while learning (a column that never varied is never split). One more kind
   * of operation or peer than ever learned, or five points more writes or errors, is telling.
   * Rates, timing and sizes are left to the forest (infinite tolerance): they drift, and a polling
   * master that reconnects leaves a gap that is unusual but not suspicious.
   */
  private static final double ANY = Double.POSITIVE_INFINITY;
  static final double[] RANGE_TOLERANCE = {ANY, 1, 1, 1, ANY, ANY, ANY, 1, 1, 1};

  /** Words in an operation name that mean it changes the device's state, program or mode. */
  private static final Pattern WRITE_WORDS = Pattern.compile(
      "(^|_)(WRITE|OPERATE|SELECT|RESTART|STOP|START|DOWNLOAD|FIRMWARE|PROGRAM|SET|DELETE|RESET|MODE"
          + "|SAVE|RESTORE|INITIALIZE|ACTIVATE|FREEZE|CREATE|APPLY|CLEAR)(_|$)");
  private static final Set<String> ERROR_OPERATIONS = Set.of("ERROR", "ERROR_RESPONSE", "REJECT", "NACK", "ABORT");

  private static final ConcurrentHashMap<String, Boolean> WRITES = new ConcurrentHashMap<>();

  private Features() {}

  static boolean isWrite(String operation) {
    Boolean known = WRITES.get(operation);
    if (known == null) {
      known = WRITE_WORDS.matcher(operation).find() && !operation.endsWith("_EXCEPTION");
      if (WRITES.size() < 4096) { // operation names are a small vocabulary; bound it anyway
        WRITES.put(operation, known);
      }
    }
    return known;
  }

  static boolean isError(TelemetryEvent event) {
    String op = event.operation();
    return event.isMalformed() || op.endsWith("_EXCEPTION") || op.endsWith("_ERROR")
        || ERROR_OPERATIONS.contains(op) || event.fields().containsKey("exception_code");
  }
}
