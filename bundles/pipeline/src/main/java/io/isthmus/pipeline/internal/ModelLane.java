package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.ModelState;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The path of one model id through the pipeline, which outlives any one version of the model:
 * while its bundle is swapped the lane holds the model's events, one queue per partition, and
 * the exported state for the next version.
 */
final class ModelLane {
  final String modelId;
  private final ArrayDeque<PendingEvent>[] held;
  /** Held events per partition, readable from other threads (housekeeping, status). */
  private final AtomicIntegerArray heldCounts;
  volatile @Nullable ModelState parkedState;
  /** Version of the current or last model of this lane. */
  volatile String version = "";
  /** Which model instance the lane scores with, see {@link StateStore}; {@code ""} when unknown. */
  volatile String origin = "";
  /**
   * A shadow lane's findings never reach the listeners. Changed only under the registry's lock
   * while the lane is parked and no worker is inside its model, then published with a new set.
   */
  volatile boolean shadow;
  /** A shadow lane holding the version that was active before the last promotion. */
  volatile boolean rollbackTarget;
  volatile long parkedSinceNanos;
  /** Where the current or last model of this lane came from; {@code null} when unknown (tests). */
  volatile @Nullable Supplier<Presence> presence;
  /** When housekeeping first saw the parked model's bundle stopped, or 0. */
  long stoppedSeenNanos;
  /** The model-set version that retired the lane; see {@link ModelRegistry#expire}. */
  volatile long retiredInVersion;

  @SuppressWarnings("unchecked")
  ModelLane(String modelId, int partitions) {
    this.modelId = modelId;
    this.held = new ArrayDeque[partitions];
    for (int i = 0; i < partitions; i++) {
      held[i] = new ArrayDeque<>();
    }
    this.heldCounts = new AtomicIntegerArray(partitions);
  }

  /** Owner thread of partition {@code p} only. */
  void hold(int p, PendingEvent event) {
    held[p].addLast(event);
    heldCounts.setRelease(p, held[p].size());
  }

  /** Owner thread of partition {@code p} only. */
  @Nullable PendingEvent poll(int p) {
    PendingEvent e = held[p].pollFirst();
    if (e != null) {
      heldCounts.setRelease(p, held[p].size());
    }
    return e;
  }

  boolean hasHeld(int p) {
    return heldCounts.getAcquire(p) > 0;
  }

  long heldTotal() {
    long total = 0;
    for (int i = 0; i < heldCounts.length(); i++) {
      total += heldCounts.getAcquire(i);
    }
    return total;
  }
}
