package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.ModelState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set of models the workers score with. Changes are rare (a bundle starts, stops or is
 * updated; an operator promotes a version) and build a new immutable {@link ModelSet}; workers
 * read the current one per batch without locking. Every change runs under this object's lock.
 */
final class ModelRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
  private static final long QUIESCENCE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
  /** A bundle update restarts its bundle within moments; stopped longer than this, it was a stop. */
  static final long STOPPED_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final int partitions;
  private final Supplier<List<Partition>> workers;
  private final Map<String, Comparison> comparisons = new HashMap<>();
  private final ModelRoles roles;
  private volatile ModelSet current = ModelSet.EMPTY;

  ModelRegistry(int partitions, Supplier<List<Partition>> workers) {
    this.partitions = partitions;
    this.workers = workers;
    this.roles = new ModelRoles(this);
  }

  ModelSet current() {
    return current;
  }

  ModelRoles roles() {
    return roles;
  }

  /** As {@link #add(DetectionModel, Supplier, boolean, String)}, from an unknown source, not asking to be a shadow. */
  void add(DetectionModel model) {
    add(model, null, false, "");
  }

  /** As {@link #add(DetectionModel, Supplier, boolean, String)}, not asking to be a shadow. */
  void add(DetectionModel model, @Nullable Supplier<Presence> presence) {
    add(model, presence, false, "");
  }

  /** As {@link #add(DetectionModel, Supplier, boolean, String)}, from an unknown instance. */
  void add(DetectionModel model, @Nullable Supplier<Presence> presence, boolean shadowRequested) {
    add(model, presence, shadowRequested, "");
  }

  /**
   * Adds a model. If a lane of the same id and role is parked (its previous version's bundle is
   * being updated), the model takes over that lane: it imports the exported state, then the
   * workers replay the held events into it before anything newer. Otherwise it gets a lane of
   * its own, in the role {@link ModelRoles#shadowOnBind} chooses.
   *
   * @param presence where the model comes from: a parked lane whose bundle is uninstalled, or
   *     stopped for longer than {@link #STOPPED_GRACE_NANOS}, is retired without waiting for the
   *     whole swap grace; {@code null} when unknown
   * @param shadowRequested whether the service asks for the shadow role
   * @param origin names the model instance (see {@link StateStore}); {@code ""} when unknown
   */
  synchronized void add(DetectionModel model, @Nullable Supplier<Presence> presence, boolean shadowRequested,
      String origin) {
    String id = model.id();
    String version = model.version();
    boolean activeBound = find(id, Binding.State.ACTIVE, false) != null;
    Binding parked = find(id, Binding.State.PARKED, activeBound || shadowRequested);
    if (parked != null) {
      parked.lane().origin = origin;
      takeOver(parked, model, presence);
      return;
    }
    ModelLane lane = new ModelLane(id, partitions);
    lane.presence = presence;
    lane.origin = origin;
    lane.version = version;
    lane.shadow = roles.shadowOnBind(id, version, shadowRequested, activeBound);
    roles.bindNew(lane, model);
  }

  private void takeOver(Binding b, DetectionModel model, @Nullable Supplier<Presence> presence) {
    ModelLane lane = b.lane();
    ModelState state = lane.parkedState;
    lane.parkedState = null;
    lane.presence = presence;
    lane.version = model.version();
    StateTransfer.importState(model, state);
    roles.tookOver(lane);
    List<Binding> next = new ArrayList<>(current.asList());
    next.set(next.indexOf(b), Binding.active(lane, model));
    publish(next);
    LOG.info("Model {} {}{} continues from {} after {} ms; replaying {} held events", lane.modelId, model.version(),
        lane.shadow ? " (shadow)" : "", state == null ? "a fresh state" : "version " + state.modelVersion() + "'s state",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lane.parkedSinceNanos), lane.heldTotal());
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
    lane.parkedState = StateTransfer.exportState(model);
  }

  /**
   * Retires parked lanes whose model will not come back — its bundle uninstalled, stopped for
   * longer than {@link #STOPPED_GRACE_NANOS}, or parked longer than the grace period — and
   * forgets retired lanes with nothing held. An active lane's last state is saved as it retires.
   */
  synchronized void expire(long graceNanos) {
    long now = System.nanoTime();
    List<Binding> next = new ArrayList<>();
    List<ModelLane> retiring = new ArrayList<>();
    for (Binding b : current.bindings()) {
      if (b.state() == Binding.State.PARKED && (now - b.lane().parkedSinceNanos >= graceNanos || gone(b.lane(), now))) {
        LOG.info("Model {} {} is gone; releasing {} held events", b.lane().modelId, b.lane().version, b.lane().heldTotal());
        next.add(b.retired());
        retiring.add(b.lane());
        roles.retired(b.lane());
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
   * Parks the given lanes (adding those not yet in the set), waits until no worker is inside
   * their models, runs {@code whileParked}, then lets each lane score again with its model. The
   * workers hold the lanes' events meanwhile and replay them afterwards, so none is lost.
   * Caller holds the lock.
   */
  void parkAround(Map<ModelLane, DetectionModel> lanes, Runnable whileParked) {
    List<Binding> next = new ArrayList<>(current.asList());
    Map<ModelLane, Boolean> present = new IdentityHashMap<>();
    long now = System.nanoTime();
    for (int i = 0; i < next.size(); i++) {
      Binding b = next.get(i);
      if (lanes.containsKey(b.lane())) {
        present.put(b.lane(), true);
        next.set(i, b.parked());
      }
    }
    for (ModelLane lane : lanes.keySet()) {
      lane.parkedSinceNanos = now;
      if (!present.containsKey(lane)) {
        next.add(new Binding(lane, Binding.State.PARKED, null));
      }
    }
    awaitQuiescence(publish(next));
    try {
      whileParked.run();
    } finally {
      List<Binding> after = new ArrayList<>(current.asList());
      for (int i = 0; i < after.size(); i++) {
        DetectionModel model = lanes.get(after.get(i).lane());
        if (model != null) {
          after.set(i, Binding.active(after.get(i).lane(), model));
        }
      }
      publish(after);
    }
  }

  /** Starts the comparison of {@code modelId} afresh at the next published set. Caller holds the lock. */
  void resetComparison(String modelId) {
    comparisons.remove(modelId);
  }

  /** The binding of {@code id} in {@code state} and role, or {@code null}. */
  @Nullable Binding find(String id, Binding.State state, boolean shadow) {
    for (Binding b : current.bindings()) {
      if (b.state() == state && b.lane().shadow == shadow && b.lane().modelId.equals(id)) {
        return b;
      }
    }
    return null;
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

  /** Publishes a new set; caller holds the lock. */
  long publish(List<Binding> next) {
    ModelSet set = current.with(next, comparisons);
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
}
