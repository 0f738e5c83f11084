package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import org.jspecify.annotations.Nullable;

/** A lane's state in one snapshot of the model set. */
record Binding(ModelLane lane, State state, @Nullable DetectionModel model) {

  enum State {
    /** The model scores events as they come, after replaying any held ones. */
    ACTIVE,
    /** The model's bundle stopped; its events are held for the next version. */
    PARKED,
    /** No next version came within the grace period; held events are released unscored by it. */
    RETIRED
  }

  static Binding active(ModelLane lane, DetectionModel model) {
    return new Binding(lane, State.ACTIVE, model);
  }

  Binding parked() {
    return new Binding(lane, State.PARKED, null);
  }

  Binding retired() {
    return new Binding(lane, State.RETIRED, null);
  }

  String label() {
    return model != null ? model.id() + "@" + model.version() : lane.modelId;
  }
}
