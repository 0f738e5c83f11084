package io.isthmus.model.iforest.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Turns an outlying window into a finding an analyst can act on. */
final class FindingWriter {
  /** A feature this many training spreads from its median is named as an outlier. */
  static final double OUTLIER_SPREADS = 3.0;
  static final int MAX_NAMED = 3;
  static final Technique UNAUTHORIZED_COMMAND =
      new Technique("T0855", "Unauthorized Command Message", "Impair Process Control");

  private FindingWriter() {}

  static Finding write(String modelId, String version, Window w, double[] x, double raw, double range,
      Baseline b, boolean ownBaseline, Settings s) {
    List<TelemetryEvent> evidence = w.evidence();
    TelemetryEvent first = evidence.get(0);
    Endpoint device = first.device();
    Endpoint peer = w.mainPeer(device);
    double[] dev = b.deviations(x);
    List<Integer> named = outlierFeatures(dev, x, b);
    List<String> indicators = new ArrayList<>();
    boolean forest = raw >= b.threshold;
    if (forest) {
      indicators.add("isolation_forest_outlier_window");
    }
    if (range >= 0.5) {
      indicators.add("window_beyond_learned_range");
    }
    for (int f : named) {
      indicators.add("window_feature_outlier:" + Features.NAMES.get(f));
    }
    w.newOperations.stream().limit(MAX_NAMED).forEach(op -> indicators.add("new_operation:" + op));
    w.newPeers.stream().limit(MAX_NAMED).forEach(ip -> indicators.add("new_peer_host:" + ip));
    boolean newWrite = w.newOperations.stream().anyMatch(Features::isWrite);
    boolean moreWrites = named.contains(Features.WRITE_RATIO) && dev[Features.WRITE_RATIO] > 0;
    // Only commands justify a technique; a busier or slower window alone says nothing of intent.
    List<Technique> techniques = newWrite || moreWrites ? List.of(UNAUTHORIZED_COMMAND) : List.of();
    String explanation = explain(w, x, named, b, raw, forest, ownBaseline, s, device, peer, newWrite || moreWrites);
    double score = Math.max(b.calibrate(raw), range);
    return new Finding(modelId, version, w.lastMicros(), device, peer, first.protocol(), score,
        indicators, techniques, evidence, explanation);
  }

  /**
   * The features to name, at most {@link #MAX_NAMED}: those beyond the learned range first, then
   * those at least {@link #OUTLIER_SPREADS} from the median, most deviant first; at least one.
   */
  static List<Integer> outlierFeatures(double[] dev, double[] x, Baseline b) {
    List<Integer> order = IntStream.range(0, dev.length).boxed()
        .sorted(Comparator.comparing((Integer f) -> !b.beyondRange(x, f))
            .thenComparingDouble(f -> -Math.abs(dev[f])))
        .toList();
    List<Integer> named = new ArrayList<>();
    for (int f : order) {
      if (named.size() < MAX_NAMED && (b.beyondRange(x, f) || Math.abs(dev[f]) >= OUTLIER_SPREADS)) {
        named.add(f);
      }
    }
    return named.isEmpty() ? List.of(order.get(0)) : named;
  }

  private static String explain(Window w, double[] x, List<Integer> named, Baseline b, double raw,
      boolean forest, boolean ownBaseline, Settings s, Endpoint device, Endpoint peer, boolean commands) {
    StringBuilder text = new StringBuilder();
    text.append("In the ").append(s.windowSeconds()).append(" seconds from ")
        .append(Instant.ofEpochSecond(w.startMicros / 1_000_000L)).append(", device ").append(device.ip())
        .append(" behaved unlike ")
        .append(ownBaseline ? "its own " : "the ").append(b.windows).append(" windows learned as normal")
        .append(ownBaseline ? "" : " from all devices").append(": ");
    for (int i = 0; i < named.size(); i++) {
      int f = named.get(i);
      text.append(i == 0 ? "" : "; ").append(Features.NAMES.get(f).replace('_', ' ')).append(' ')
          .append(number(x[f])).append(" (normally ").append(number(b.median(f))).append(')');
    }
    if (!w.newOperations.isEmpty()) {
      text.append("; operations it never performed while learning: ").append(String.join(", ", w.newOperations));
    }
    if (!w.newPeers.isEmpty()) {
      text.append("; hosts that never talked to it while learning: ").append(String.join(", ", w.newPeers));
    }
    text.append(String.format(Locale.ROOT, forest
        ? ". An isolation forest set this window apart from normal traffic unusually quickly (raw score %.2f, "
            + "alarm threshold %.2f). This is a statistical outlier, not proof of an attack: "
        : ". That lies well beyond anything seen while learning (isolation-forest score %.2f, threshold %.2f: "
            + "a forest cannot weigh values past the learned range). This is an outlier, not proof of an attack: ",
        raw, b.threshold));
    text.append(commands
        ? "it involves commands that change the device, so confirm that " + peer.ip()
            + " is meant to send them now (maintenance, an engineer's change) and look at that host if not."
        : "confirm with the device's owner whether " + peer.ip() + " is expected to talk to it this way now.");
    return text.toString();
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
