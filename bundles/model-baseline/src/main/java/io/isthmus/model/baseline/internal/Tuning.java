package io.isthmus.model.baseline.internal;

/** The model's settings as the per-device code uses them, and the shared operation codes. */
record Tuning(OperationCodes codes, long windowMicros, double floodFactor, double adaptation, int deviceLearningEvents) {

  static Tuning of(BaselineConfig config, OperationCodes codes) {
    return new Tuning(codes, Math.max(1, config.rate_window_seconds()) * 1_000_000L,
        Math.max(1.5, config.flood_factor()), Math.max(0.0, Math.min(0.5, config.adaptation_rate())),
        Math.max(0, config.device_learning_events()));
  }
}
