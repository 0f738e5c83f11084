package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set of models the workers score with. Changes are rare (a bundle starts, stops or is
 * updated) and build a new immutable {@link ModelSet}; workers read the current one per batch
 * without locking.
 */
final class ModelRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
  private static final long QUIESCENCE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
  /** A bundle update restarts its bundle within moments; stopped longer than this, it was a stop. */
  static final long STOPPED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final int partitions;
  private final Supplier<List<Partition>> workers;
  private volatile ModelSet current = ModelSet.EMPTY;

  ModelRegistry(int partitions, Supplier<List<Partition>> workers) {
    this.partitions = partitions;
    this.workers = workers;
  }

  ModelSet current() {
    return current;
  }

  /**
   * Adds a model. If a lane of the same id is parked (its previous version's bundle is being
   * updated), the model takes over that lane: it imports the exported state, then the workers
   * replay the held events into it before anything newer.
   */
  void add(DetectionModel model) {
    add(model, null);
  }

  /**
   * As {@link #add(DetectionModel)}, with where the model comes from: a parked lane whose
   * bundle is uninstalled, or stopped for longer than {@link #STOPPED_GRACE_NANOS}, is retired
   * without waiting for the whole swap grace.
   */
  synchronized void add(DetectionModel model, @Nullable Supplier<Presence> presence) {
    List<Binding> next = new ArrayList<>(current.asList());
    String id = model.id();
    for (int i = 0; i < next.size(); i++) {
      Binding b = next.get(i);
      if (b.state() == Binding.State.PARKED && b.lane().modelId.equals(id)) {
        ModelState state = b.lane().parkedState;
        b.lane().parkedState = null;
        b.lane().presence = presence;
        importState(model, state);
        next.set(i, Binding.active(b.lane(), model));
        publish(next);
        LOG.info("Model {} {} continues from {} after {} ms; replaying {} held events", id, model.version(),
            state == null ? "a fresh state" : "version " + state.modelVersion() + "'s state",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - b.lane().parkedSinceNanos), b.lane().heldTotal());
        return;
      }
    }
    ModelLane lane = new ModelLane(id, partitions);
    lane.presence = presence;
    next.add(Binding.active(lane, model));
    publish(next);
    LOG.info("Model {} {} is scoring", id, model.version());
  }

  /**
   * Removes a model instance. Its lane is parked: from the next batch on, workers hold its
   * events. Once no worker can still be inside the old instance, its state is exported for the
   * next version.
   */
  synchronized void remove(DetectionModel model) {
    List<Binding> next = new ArrayList<>(current.asList());
    int at = indexOf(next, model);
    if (at < 0) {
      return;
    }
    ModelLane lane = next.get(at).lane();
    lane.parkedSinceNanos = System.nanoTime();
    // A stop seen while an earlier version was parked says nothing about this one.
    lane.stoppedSeenNanos = 0;
    next.set(at, next.get(at).parked());
    // Held under the lock so a next version that binds meanwhile waits for the exported state.
    awaitQuiescence(publish(next));
    lane.parkedState = exportState(model);
  }

  /**
   * Retires parked lanes whose model will not come back — its bundle uninstalled, stopped for
   * longer than {@link #STOPPED_GRACE_NANOS}, or parked longer than the grace period — and
   * forgets retired lanes with nothing held.
   */
  synchronized void expire(long graceNanos) {
    long now = System.nanoTime();
    List<Binding> next = new ArrayList<>();
    List<ModelLane> retiring = new ArrayList<>();
    for (Binding b : current.bindings()) {
      if (b.state() == Binding.State.PARKED && (now - b.lane().parkedSinceNanos >= graceNanos || gone(b.lane(), now))) {
        LOG.info("Model {} is gone; releasing {} held events", b.lane().modelId, b.lane().heldTotal());
        next.add(b.retired());
        retiring.add(b.lane());
      } else if (b.state() == Binding.State.RETIRED && canForget(b.lane())) {
        retiring.add(b.lane());
      } else {
        next.add(b);
      }
    }
    if (!retiring.isEmpty()) {
      long version = publish(next);
      for (ModelLane lane : retiring) {
        if (lane.retiredInVersion == 0) {
          lane.retiredInVersion = version;
        }
      }
    }
  }

  /**
   * A retired lane may be forgotten only when no worker still scores with a set in which it was
   * parked: such a worker would hold an event for it that nobody releases any more.
   */
  private boolean canForget(ModelLane lane) {
    return lane.retiredInVersion != 0 && allWorkersPast(lane.retiredInVersion) && lane.heldTotal() == 0;
  }

  private static boolean gone(ModelLane lane, long now) {
    Supplier<Presence> presence = lane.presence;
    Presence p = presence == null ? Presence.PRESENT : presence.get();
    if (p != Presence.STOPPED) {
      lane.stoppedSeenNanos = 0;
      return p == Presence.GONE;
    }
    if (lane.stoppedSeenNanos == 0) {
      lane.stoppedSeenNanos = now;
    }
    return now - lane.stoppedSeenNanos >= STOPPED_GRACE_NANOS;
  }

  private static int indexOf(List<Binding> bindings, DetectionModel model) {
    for (int i = 0; i < bindings.size(); i++) {
      if (bindings.get(i).model() == model) {
        return i;
      }
    }
    return -1;
  }

  private long publish(List<Binding> next) {
    ModelSet set = current.with(next);
    current = set;
    for (Partition p : workers.get()) {
      p.wake();
    }
    return set.version();
  }

  /** Whether no worker can still be using a model set older than {@code version}. */
  private boolean allWorkersPast(long version) {
    for (Partition p : workers.get()) {
      if (p.isAlive() && !p.idle && p.usingVersion < version) {
        return false;
      }
    }
    return true;
  }

  /** Waits until every worker has moved past model-set versions older than {@code version}. */
  private void awaitQuiescence(long version) {
    long deadline = System.nanoTime() + QUIESCENCE_TIMEOUT_NANOS;
    for (Partition p : workers.get()) {
      while (p.isAlive() && !p.idle && p.usingVersion < version) {
        if (System.nanoTime() > deadline) {
          LOG.warn("Worker {} still busy with an old model set after 5 s; exporting state anyway", p.index);
          return;
        }
        Thread.onSpinWait();
        Thread.yield();
      }
    }
  }

  private static void importState(DetectionModel model, @Nullable ModelState state) {
    if (state == null) {
      return;
    }
    try {
      model.importState(state);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Model {} {} could not import the state of version {}; it starts fresh: {}",
          model.id(), model.version(), state.modelVersion(), e.toString());
    }
  }

  private static @Nullable ModelState exportState(DetectionModel model) {
    try {
      return model.exportState();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Model {} {} failed to export its state; its next version starts fresh: {}",
          model.id(), model.version(), e.toString());
      return null;
    }
  }
}
