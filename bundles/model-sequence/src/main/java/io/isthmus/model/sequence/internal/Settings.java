package io.isthmus.model.sequence.internal;

/** The configuration, checked and clamped once so the hot path reads plain fields. */
record Settings(
    int order, long learningMicros, long learningEvents, long idleGapMicros, double rareProbability,
    double smoothing, long minContextSupport, long minBaselineTransitions, int maxTransitionsPerDevice,
    int maxTransitionsPerProtocol, int maxOperations, int maxSessionsPerDevice, int maxDevices,
    int maxFindingsPerSession) {

  static final int MAX_ORDER = 3;

  static Settings of(SequenceConfig c) {
    return new Settings(
        clamp(c.order(), 1, MAX_ORDER),
        Math.max(0, c.learningMinutes()) * 60_000_000L,
        Math.max(0, c.learningEvents()),
        Math.max(1, c.idleGapSeconds()) * 1_000_000L,
        Math.min(Math.max(c.rareProbability(), 0.0), 0.5),
        c.smoothing() > 0 ? c.smoothing() : 0.5,
        Math.max(1, c.minContextSupport()),
        Math.max(1, c.minBaselineTransitions()),
        Math.max(16, c.maxTransitionsPerDevice()),
        Math.max(16, c.maxTransitionsPerProtocol()),
        clamp(c.maxOperations(), 8, OperationNames.HARD_LIMIT),
        Math.max(1, c.maxSessionsPerDevice()),
        Math.max(1, c.maxDevices()),
        Math.max(1, c.maxFindingsPerSession()));
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
