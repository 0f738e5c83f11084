package io.isthmus.model.iforest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Grows the forests from the learned windows: one per device that has at least
 * {@code minDeviceWindows}, and one over all devices' windows for the rest (thinned evenly to
 * {@value #MAX_POOLED} windows).
 */
final class Trainer {
  static final int MAX_POOLED = 50_000;

  private Trainer() {}

  /** Trains every device's own forest in place and returns the pooled one (null if too few windows). */
  static @Nullable Baseline train(Map<String, DeviceState> devices, Settings s) {
    List<DeviceState> sorted = new ArrayList<>(devices.values());
    sorted.sort(Comparator.comparing(d -> d.key)); // the same windows give the same pooled forest
    List<double[]> all = new ArrayList<>();
    for (DeviceState d : sorted) {
      double[][] rows = d.learnedWindows();
      all.addAll(List.of(rows));
      if (rows.length >= s.minDeviceWindows()) {
        d.own = Baseline.train(rows, s, s.seed() ^ d.key.hashCode());
      }
    }
    if (all.size() < s.minTrainingWindows()) {
      return null;
    }
    double step = Math.max(1.0, (double) all.size() / MAX_POOLED);
    List<double[]> pooled = new ArrayList<>();
    for (double i = 0; i < all.size(); i += step) {
      pooled.add(all.get((int) i));
    }
    return Baseline.train(pooled.toArray(new double[0][]), s, s.seed());
  }
}
