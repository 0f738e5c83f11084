package io.isthmus.model.semantics.internal;

/** The configuration in the units the model works in (microseconds of capture time). */
record Settings(long learningMicros, long repeatWindowMicros, int peersPerDevice, int maxDevices,
    long sweepWindowMicros, int unitIdSweep, int functionCodeSweep) {

  static final long MINUTE = 60_000_000L;
  static final long SECOND = 1_000_000L;
  /** {@link #learningMicros} meaning: learn until told to stop. */
  static final long UNTIL_ENDED = 0;
  /** {@link #learningMicros} meaning: do not learn at all. */
  static final long NO_LEARNING = -1;

  static Settings of(SemanticsConfig c) {
    long learning = c.learningMinutes() <= 0 ? c.learningMinutes() : c.learningMinutes() * MINUTE;
    return new Settings(learning, c.repeatWindowSeconds() * SECOND, c.peersPerDevice(), c.maxDevices(),
        c.sweepWindowSeconds() * SECOND, c.unitIdSweepThreshold(), c.functionCodeSweepThreshold());
  }

  /** The defaults of {@link SemanticsConfig}, learning until told to stop. */
  static Settings defaults() {
    return new Settings(UNTIL_ENDED, 600 * SECOND, 64, 10_000, 60 * SECOND, 10, 8);
  }

  Settings withLearning(long micros) {
    return new Settings(micros, repeatWindowMicros, peersPerDevice, maxDevices, sweepWindowMicros, unitIdSweep,
        functionCodeSweep);
  }
}
