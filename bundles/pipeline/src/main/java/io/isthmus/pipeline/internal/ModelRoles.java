package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ShadowComparison;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active and shadow versions per model id: which role a new model takes, promote and roll back,
 * and the learned state on disk. Every change holds the registry's lock.
 */
final class ModelRoles {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRoles.class);

  private final ModelRegistry registry;
  private final StateKeeper states = new StateKeeper();

  ModelRoles(ModelRegistry registry) {
    this.registry = registry;
  }

  /** Where states are saved and restored from; without a store nothing is persisted. */
  void useStore(StateStore store) {
    synchronized (registry) {
      states.use(store);
    }
  }

  /**
   * Whether a model binding with no parked lane to take over becomes the shadow. The version last
   * promoted or rolled back to is the active one; without such a choice, the model is the shadow
   * if its service asks for it. A second version never becomes active beside a bound one.
   */
  boolean shadowOnBind(String id, String version, boolean shadowRequested, boolean activeBound) {
    String chosen = states.chosenVersion(id);
    boolean shadow = chosen != null ? !chosen.equals(version) : shadowRequested;
    return shadow || activeBound;
  }

  /** Binds a model in a lane of its own; caller holds the registry's lock. */
  void bindNew(ModelLane lane, DetectionModel model) {
    String id = lane.modelId;
    if (lane.shadow) {
      if (registry.find(id, Binding.State.ACTIVE, true) != null || registry.find(id, Binding.State.PARKED, true) != null) {
        LOG.warn("Model {} {} is not bound: {} already has a shadow version", id, model.version(), id);
        return;
      }
      Binding active = registry.find(id, Binding.State.ACTIVE, false);
      if (active == null) {
        StateTransfer.importState(model, states.load(id, lane.origin));
        registry.publish(with(lane, model));
        LOG.info("Model {} {} is scoring as a shadow with no active version to compare with", id, model.version());
        return;
      }
      DetectionModel activeModel = active.model();
      registry.parkAround(pair(active.lane(), activeModel, lane, model),
          () -> StateTransfer.importState(model, StateTransfer.exportState(activeModel)));
      LOG.info("Model {} {} is scoring as a shadow of {}, from its state", id, model.version(), active.lane().version);
      return;
    }
    Binding shadow = registry.find(id, Binding.State.ACTIVE, true);
    ModelState saved = states.load(id, lane.origin);
    if (shadow == null) {
      StateTransfer.importState(model, saved);
      registry.publish(with(lane, model));
    } else {
      // the chosen version binds after the other: the shadow starts again from the active state
      DetectionModel shadowModel = shadow.model();
      registry.parkAround(pair(lane, model, shadow.lane(), shadowModel), () -> {
        StateTransfer.importState(model, saved);
        StateTransfer.importState(shadowModel, StateTransfer.exportState(model));
      });
    }
    LOG.info("Model {} {} is scoring{}", id, model.version(),
        saved == null ? "" : ", continuing from the saved state of version " + saved.modelVersion());
  }

  private List<Binding> with(ModelLane lane, DetectionModel model) {
    List<Binding> next = new ArrayList<>(registry.current().asList());
    next.add(Binding.active(lane, model));
    return next;
  }

  private static Map<ModelLane, DetectionModel> pair(ModelLane a, @Nullable DetectionModel am, ModelLane b,
      @Nullable DetectionModel bm) {
    Map<ModelLane, DetectionModel> lanes = new IdentityHashMap<>();
    if (am != null) {
      lanes.put(a, am);
    }
    if (bm != null) {
      lanes.put(b, bm);
    }
    return lanes;
  }

  /** A parked lane got its next version; a chosen active version follows the update. */
  void tookOver(ModelLane lane) {
    if (!lane.shadow && states.chosenVersion(lane.modelId) != null) {
      states.choose(lane.modelId, lane.version);
    }
  }

  /** A parked lane retires: an active one's last state is saved; a chosen version gone is forgotten. */
  void retired(ModelLane lane) {
    if (lane.shadow) {
      return;
    }
    states.save(lane.parkedState, lane.origin);
    if (lane.version.equals(states.chosenVersion(lane.modelId))) {
      states.choose(lane.modelId, null);
    }
  }

  ModelInfo promote(String id) {
    return swap(id, false);
  }

  ModelInfo rollback(String id) {
    return swap(id, true);
  }

  private ModelInfo swap(String id, boolean rollback) {
    ModelState state;
    String origin;
    synchronized (registry) {
      Binding active = registry.find(id, Binding.State.ACTIVE, false);
      Binding shadow = registry.find(id, Binding.State.ACTIVE, true);
      if (shadow == null) {
        if (active == null && !known(id)) {
          throw new NoSuchElementException("No model has the id '" + id + "'");
        }
        throw new IllegalStateException("Model '" + id + "' has no shadow version to "
            + (rollback ? "roll back to" : "promote"));
      }
      if (rollback && !shadow.lane().rollbackTarget) {
        throw new IllegalStateException("Model '" + id + "' has no rollback target: its shadow version "
            + shadow.lane().version + " was never active");
      }
      DetectionModel next = shadow.model();
      ModelState[] exported = new ModelState[1];
      registry.parkAround(pair(shadow.lane(), next, active == null ? shadow.lane() : active.lane(),
          active == null ? null : active.model()), () -> {
            shadow.lane().shadow = false;
            shadow.lane().rollbackTarget = false;
            if (active != null) {
              active.lane().shadow = true;
              active.lane().rollbackTarget = true;
            }
            registry.resetComparison(id);
            exported[0] = next == null ? null : StateTransfer.exportState(next);
          });
      states.choose(id, shadow.lane().version);
      state = exported[0];
      origin = shadow.lane().origin;
      LOG.info("Model {}: {} {} is active{}", id, rollback ? "rolled back," : "promoted,", shadow.lane().version,
          active == null ? "" : "; " + active.lane().version + " stays as the shadow for a rollback");
    }
    states.save(state, origin);
    return info(id).orElseThrow();
  }

  private boolean known(String id) {
    for (Binding b : registry.current().bindings()) {
      if (b.lane().modelId.equals(id) && b.state() != Binding.State.RETIRED) {
        return true;
      }
    }
    return false;
  }

  /**
   * Saves the state of every active model: bound ones are parked for the moment of the export so
   * that no worker is inside them; a parked one's exported state is the freshest there is.
   */
  void checkpoint() {
    List<Runnable> saves = new ArrayList<>();
    synchronized (registry) {
      if (!states.enabled()) {
        return;
      }
      Map<ModelLane, DetectionModel> bound = new IdentityHashMap<>();
      for (Binding b : registry.current().bindings()) {
        ModelLane lane = b.lane();
        if (lane.shadow) {
          continue;
        }
        if (b.state() == Binding.State.ACTIVE && b.model() != null) {
          bound.put(lane, b.model());
        } else if (b.state() == Binding.State.PARKED && lane.parkedState != null) {
          ModelState parked = lane.parkedState;
          String origin = lane.origin;
          saves.add(() -> states.save(parked, origin));
        }
      }
      if (!bound.isEmpty()) {
        registry.parkAround(bound, () -> bound.forEach((lane, model) -> {
          ModelState exported = StateTransfer.exportState(model);
          String origin = lane.origin;
          saves.add(() -> states.save(exported, origin));
        }));
      }
    }
    saves.forEach(Runnable::run);
  }

  List<ModelInfo> models() {
    TreeMap<String, Boolean> ids = new TreeMap<>();
    for (Binding b : registry.current().bindings()) {
      if (b.state() != Binding.State.RETIRED) {
        ids.put(b.lane().modelId, true);
      }
    }
    List<ModelInfo> out = new ArrayList<>();
    ids.keySet().forEach(id -> info(id).ifPresent(out::add));
    return out;
  }

  Optional<ModelInfo> info(String id) {
    ModelSet set = registry.current();
    String active = null;
    String shadow = null;
    boolean rollback = false;
    boolean learning = false;
    boolean seen = false;
    for (Binding b : set.bindings()) {
      if (!b.lane().modelId.equals(id) || b.state() == Binding.State.RETIRED) {
        continue;
      }
      seen = true;
      if (b.state() == Binding.State.ACTIVE && b.lane().shadow) {
        shadow = b.lane().version;
        rollback = b.lane().rollbackTarget;
      } else if (b.state() == Binding.State.ACTIVE) {
        active = b.lane().version;
        learning = learning(b.model());
      }
    }
    return seen ? Optional.of(new ModelInfo(id, active, shadow, rollback, learning, comparison(set, id).orElse(null)))
        : Optional.empty();
  }

  Optional<ShadowComparison> comparison(String id) {
    return comparison(registry.current(), id);
  }

  private static Optional<ShadowComparison> comparison(ModelSet set, String id) {
    for (Comparison c : set.comparisons()) {
      if (c.modelId.equals(id)) {
        return Optional.of(c.snapshot());
      }
    }
    return Optional.empty();
  }

  private static boolean learning(@Nullable DetectionModel model) {
    try {
      return model != null && model.isLearning();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
