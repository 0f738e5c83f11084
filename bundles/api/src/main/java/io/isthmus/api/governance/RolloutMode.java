package io.isthmus.api.governance;

/**
 * How far automation may go in a zone or for a tenant, from the most to the least cautious. The
 * mode in force for an action is the more cautious of its zone's and its tenant's.
 */
public enum RolloutMode {
  /** Recommendations only: every action is recorded as a recommendation and nothing runs. */
  ASSIST,
  /** Every action that would change something waits for approval. */
  APPROVAL,
  /**
   * Only low-risk, high-confidence, non-disruptive actions run by themselves (tickets,
   * notifications, and containment of an IT host policy allows); the rest wait for approval.
   */
  GUARDED_AUTONOMY;

  /** The more cautious of this mode and {@code other}. */
  public RolloutMode atMost(RolloutMode other) {
    return compareTo(other) <= 0 ? this : other;
  }
}
