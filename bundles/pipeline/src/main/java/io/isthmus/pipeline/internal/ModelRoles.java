package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ShadowComparison;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
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
  private @Nullable StateStore store;
  /** The version promote or rollback last made active, per id; survives restarts through the store. */
  private Properties preferred = new Properties();

  ModelRoles(ModelRegistry registry) {
    this.registry = registry;
  }

  /** Where states are saved and restored from; without a store nothing is persisted. */
  void useStore(StateStore store) {
    synchronized (registry) {
      this.store = store;
      this.preferred = store.activeVersions();
    }
  }

  /**
   * Whether a model binding with no parked lane to take over becomes the shadow. The version last
   * promoted or rolled back to is the active one; without such a choice, the model is the shadow
   * if its service asks for it. A second version never becomes active beside a bound one.
   */
  boolean shadowOnBind(String id, String version, boolean shadowRequested, boolean activeBound) {
    String chosen = preferred.getProperty(id);
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
        ModelRegistry.importState(model, load(id));
        registry.publish(with(lane, model));
        LOG.info("Model {} {} is scoring as a shadow with no active version to compare with", id, model.version());
        return;
      }
      DetectionModel activeModel = active.model();
      registry.parkAround(pair(active.lane(), activeModel, lane, model),
          () -> ModelRegistry.importState(model, ModelRegistry.exportState(activeModel)));
      LOG.info("Model {} {} is scoring as a shadow of {}, from its state", id, model.version(), active.lane().version);
      return;
    }
    Binding shadow = registry.find(id, Binding.State.ACTIVE, true);
    ModelState saved = load(id);
    if (shadow == null) {
      ModelRegistry.importState(model, saved);
      registry.publish(with(lane, model));
    } else {
      // the chosen version binds after the other: the shadow starts again from the active state
      DetectionModel shadowModel = shadow.model();
      registry.parkAround(pair(lane, model, shadow.lane(), shadowModel), () -> {
        ModelRegistry.importState(model, saved);
        ModelRegistry.importState(shadowModel, ModelRegistry.exportState(model));
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
    if (!lane.shadow && preferred.containsKey(lane.modelId) && !preferred.getProperty(lane.modelId).equals(lane.version)) {
      preferred.setProperty(lane.modelId, lane.version);
      savePreferred();
    }
  }

  /** A parked lane retires: an active one's last state is saved; a chosen version gone is forgotten. */
  void retired(ModelLane lane) {
    if (lane.shadow) {
      return;
    }
    ModelState state = lane.parkedState;
    if (state != null) {
      save(state);
    }
    if (lane.version.equals(preferred.getProperty(lane.modelId))) {
      preferred.remove(lane.modelId);
      savePreferred();
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
            exported[0] = next == null ? null : ModelRegistry.exportState(next);
          });
      preferred.setProperty(id, shadow.lane().version);
      savePreferred();
      state = exported[0];
      LOG.info("Model {}: {} {} is active{}", id, rollback ? "rolled back," : "promoted,", shadow.lane().version,
          active == null ? "" : "; " + active.lane().version + " stays as the shadow for a rollback");
    }
    if (state != null) {
      save(state);
    }
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
    List<ModelState> states = new ArrayList<>();
    synchronized (registry) {
      if (store == null) {
        return;
      }
      Map<ModelLane, DetectionModel> bound = new IdentityHashMap<>();
      for (Binding b : registry.current().bindings()) {
        if (b.lane().shadow) {
          continue;
        }
        if (b.state() == Binding.State.ACTIVE && b.model() != null) {
          bound.put(b.lane(), b.model());
        } else if (b.state() == Binding.State.PARKED && b.lane().parkedState != null) {
          states.add(b.lane().parkedState);
        }
      }
      if (!bound.isEmpty()) {
        registry.parkAround(bound, () -> bound.values().forEach(m -> {
          ModelState s = ModelRegistry.exportState(m);
          if (s != null) {
            states.add(s);
          }
        }));
      }
    }
    states.forEach(this::save);
  }

  private @Nullable ModelState load(String id) {
    StateStore s = store;
    return s == null ? null : s.load(id).orElse(null);
  }

  private void save(ModelState state) {
    StateStore s = store;
    if (s == null) {
      return;
    }
    try {
      s.save(state);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot save the state of model {} {} in {}: {}", state.modelId(), state.modelVersion(), s.dir(), e.toString());
    }
  }

  private void savePreferred() {
    StateStore s = store;
    if (s == null) {
      return;
    }
    try {
      s.saveActiveVersions(preferred);
    } catch (IOException e) {
      LOG.warn("Cannot save the chosen active versions in {}: {}", s.dir(), e.toString());
    }
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
