package io.isthmus.api.detection;

import io.isthmus.api.event.TelemetryEvent;

/**
 * A detection model: keeps its own per-device baseline and emits findings for what deviates.
 * Registered as an OSGi service by a model bundle; the pipeline binds it dynamically.
 *
 * <p>Threading: {@link #observe} is called from several pipeline threads at once, but the
 * events of one device ({@link TelemetryEvent#device()}) always arrive in order on one thread
 * at a time. State keyed by the device needs no locking; state shared across devices must be
 * thread-safe.
 *
 * <p>Hot swap: when a model bundle is updated, the pipeline calls {@link #exportState()} on the
 * old instance after its last event, and {@link #importState} on the new one (same {@link #id()})
 * before its first. Events that arrive in between are held and replayed, so none is lost.
 */
public interface DetectionModel {

  /** Stable id across versions, e.g. {@code baseline} or {@code modbus-semantics}. */
  String id();

  /** Version of this implementation, usually its bundle version. */
  String version();

  /** Scores one event, emitting zero or more findings into {@code findings}. Must not block. */
  void observe(TelemetryEvent event, FindingSink findings);

  /**
   * The learned state, for a newer version or a restart to continue from. The pipeline calls
   * it only when no {@link #observe} call of this instance is in progress; diagnostics may call
   * it at any time, so it must not fail while events are being observed.
   */
  ModelState exportState();

  /**
   * Continues from a state exported by this or an earlier version of the model. An
   * implementation that cannot read the state throws {@link IllegalArgumentException}; the
   * pipeline then logs it and starts the model fresh.
   */
  void importState(ModelState state);

  /**
   * Whether the model is still learning what is normal. A learning model observes but should
   * emit no baseline-deviation findings (rules that need no baseline may still fire).
   */
  default boolean isLearning() {
    return false;
  }

  /**
   * Ends the learning period now: from the next event on, deviations become findings. Called by
   * {@code isthmus analyze} once its baseline captures are read, and by an operator. Called on
   * a thread that is not scoring; the model makes the switch visible to its scoring threads.
   */
  default void endLearning() {}
}
