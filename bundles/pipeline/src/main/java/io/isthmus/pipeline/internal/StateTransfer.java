package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.ModelState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a model's state export and import, logging a failure in one line instead of throwing. */
final class StateTransfer {
  private static final Logger LOG = LoggerFactory.getLogger(StateTransfer.class);

  private StateTransfer() {}

  static void importState(DetectionModel model, @Nullable ModelState state) {
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

  static @Nullable ModelState exportState(DetectionModel model) {
    try {
      return model.exportState();
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Model {} {} failed to export its state; its next version starts fresh: {}",
          model.id(), model.version(), e.toString());
      return null;
    }
  }
}
