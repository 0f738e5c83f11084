package io.isthmus.model.iforest.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the model keeps of one device. The open window, the clock and the pending windows are
 * guarded by this object's monitor: the pipeline thread that owns the device takes it for each
 * event (uncontended), and the model's sweep takes it to close a silent device's window. The
 * learned windows are also read by the trainer and by exports (same monitor); the learned operation
 * and peer sets are concurrent for exports.
 */
final class DeviceState {
  /** Windows closed after learning but before a forest was ready; scored once one is. */
  static final int MAX_PENDING = 32;

  record Closed(Window window, double[] features) {}

  final String key;
  /** First seen after learning ended: compared with what all devices did while learning. */
  final boolean lateComer;
  final Set<String> operations = ConcurrentHashMap.newKeySet();
  final Set<String> peers = ConcurrentHashMap.newKeySet();
  private final List<double[]> learned = new ArrayList<>();
  /** A forest grown on this device's windows alone, once it had enough of them. */
  volatile @Nullable Baseline own;
  @Nullable Window current;
  /** True until the device's first window closes: nothing to compare its operations with yet. */
  boolean bootstrap = true;
  long lastMicros = -1;
  final ArrayDeque<Closed> pending = new ArrayDeque<>();

  DeviceState(String key, boolean lateComer) {
    this.key = key;
    this.lateComer = lateComer;
  }

  synchronized void learn(double[] features, int max) {
    if (learned.size() < max) {
      learned.add(features);
    }
  }

  synchronized double[][] learnedWindows() {
    return learned.toArray(new double[0][]);
  }
}
