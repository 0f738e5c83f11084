package io.isthmus.model.iforest.internal;

/** The model's settings as plain values (see {@link IForestConfig} for what each means). */
record Settings(
    int windowSeconds, int learningMinutes, int trees, int subsample, long seed, double thresholdQuantile,
    double thresholdMargin, double minThreshold, int minDeviceWindows, int minTrainingWindows, int maxDeviceWindows) {

  Settings {
    if (windowSeconds < 1 || learningMinutes < 0 || trees < 1 || subsample < 2 || minDeviceWindows < 2
        || minTrainingWindows < 2 || maxDeviceWindows < 2) {
      throw new IllegalArgumentException("invalid isolation-forest settings: " + this);
    }
    if (!(thresholdQuantile > 0 && thresholdQuantile <= 1) || !(minThreshold >= 0 && minThreshold <= 1)
        || !(thresholdMargin >= 0 && thresholdMargin <= 1)) {
      throw new IllegalArgumentException("threshold quantile, margin and minimum must be in [0, 1]: " + this);
    }
  }

  static Settings of(IForestConfig c) {
    return new Settings(c.windowSeconds(), c.learningMinutes(), c.trees(), c.subsample(), c.seed(),
        c.thresholdQuantile(), c.thresholdMargin(), c.minThreshold(), c.minDeviceWindows(), c.minTrainingWindows(), c.maxDeviceWindows());
  }

  static Settings defaults() {
    return new Settings(10, 60, 100, 256, 42L, 1.0, 0.05, 0.6, 120, 16, 5000);
  }

  long windowMicros() {
    return windowSeconds * 1_000_000L;
  }

  Settings withLearningMinutes(int minutes) {
    return new Settings(windowSeconds, minutes, trees, subsample, seed, thresholdQuantile, thresholdMargin,
        minThreshold, minDeviceWindows, minTrainingWindows, maxDeviceWindows);
  }
}
