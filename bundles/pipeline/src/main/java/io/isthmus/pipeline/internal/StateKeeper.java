package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.ModelState;
import java.io.IOException;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelRoles}' side of the {@link StateStore}: saved states and the chosen active
 * versions, with every failure logged in one line and never thrown. Without a store it keeps
 * nothing. Used under the registry's lock, except {@link #save}, which may run outside it.
 */
final class StateKeeper {
  private static final Logger LOG = LoggerFactory.getLogger(StateKeeper.class);

  private volatile @Nullable StateStore store;
  /** The version promote or rollback last made active, per id. */
  private Properties chosen = new Properties();

  void use(StateStore store) {
    this.store = store;
    this.chosen = store.activeVersions();
  }

  /**
   * The saved state of {@code id} for a model instance binding now; {@code null} when none, or
   * when that very instance exported it (the pipeline restarted, the model did not: it already
   * holds the state, and importing it again would count it twice).
   */
  @Nullable ModelState load(String id, String origin) {
    StateStore s = store;
    if (s == null) {
      return null;
    }
    StateStore.Saved saved = s.loadSaved(id).orElse(null);
    if (saved == null) {
      return null;
    }
    if (!origin.isEmpty() && origin.equals(saved.origin())) {
      LOG.info("Model {} {} already holds its saved state (same instance); not importing it again", id,
          saved.state().modelVersion());
      return null;
    }
    return saved.state();
  }

  void save(@Nullable ModelState state, String origin) {
    StateStore s = store;
    if (s == null || state == null) {
      return;
    }
    try {
      s.save(state, origin);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot save the state of model {} {} in {}: {}", state.modelId(), state.modelVersion(), s.dir(),
          e.toString());
    }
  }

  boolean enabled() {
    return store != null;
  }

  @Nullable String chosenVersion(String id) {
    return chosen.getProperty(id);
  }

  void choose(String id, @Nullable String version) {
    if (version == null) {
      if (chosen.remove(id) == null) {
        return;
      }
    } else if (version.equals(chosen.put(id, version))) {
      return;
    }
    StateStore s = store;
    if (s == null) {
      return;
    }
    try {
      s.saveActiveVersions(chosen);
    } catch (IOException e) {
      LOG.warn("Cannot save the chosen active versions in {}: {}", s.dir(), e.toString());
    }
  }
}
