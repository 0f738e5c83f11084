package io.isthmus.api.alert;

/** Alert severity bands over the 0-100 severity score, as consoles show them. */
public enum Severity {
  INFORMATIONAL,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The band of a 0-100 score: below 20, 40, 60, 80, and the rest. */
  public static Severity of(int score) {
    if (score < 20) {
      return INFORMATIONAL;
    }
    if (score < 40) {
      return LOW;
    }
    if (score < 60) {
      return MEDIUM;
    }
    return score < 80 ? HIGH : CRITICAL;
  }
}
