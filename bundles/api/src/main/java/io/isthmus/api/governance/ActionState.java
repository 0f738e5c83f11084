package io.isthmus.api.governance;

/** Where a governed action is in its life. Only {@link #APPROVED} and {@link #RETRY} actions are executed. */
public enum ActionState {
  /** Waiting for approvals (a {@link Decision.Outcome#REQUIRE_APPROVAL} decision). */
  PENDING_APPROVAL,
  /** Decided or approved; the executor will run it. */
  APPROVED,
  /** Handed to a connector right now. */
  EXECUTING,
  /** A connector call failed transiently; tried again at the action's next attempt time. */
  RETRY,
  SUCCEEDED,
  FAILED,
  /** An approver rejected it. */
  REJECTED,
  /** Not approved in time. */
  EXPIRED,
  /** Policy denied it. */
  DENIED,
  /** Recorded as a recommendation for people; never executed. */
  NOTIFIED;

  /** Whether nothing more can happen to an action in this state. */
  public boolean isFinal() {
    return switch (this) {
      case PENDING_APPROVAL, APPROVED, EXECUTING, RETRY -> false;
      default -> true;
    };
  }
}
