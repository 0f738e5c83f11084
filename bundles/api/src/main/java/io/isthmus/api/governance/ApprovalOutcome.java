package io.isthmus.api.governance;

import org.jspecify.annotations.Nullable;

/**
 * What became of one approver's verdict.
 *
 * @param status accepted or why not
 * @param action the action after the verdict, or {@code null} if there is no such action
 */
public record ApprovalOutcome(Status status, @Nullable GovernedAction action) {

  /** Whether and how a verdict was taken. */
  public enum Status {
    /** Recorded; more approvals are needed. */
    RECORDED,
    /** Recorded, and the approvals now suffice: the action is approved. */
    APPROVED,
    /** Recorded as a rejection: the action will not run. */
    REJECTED,
    NOT_FOUND,
    /** The action is not waiting for approval (already approved, rejected, expired, denied). */
    NOT_PENDING,
    /** The approval window has closed. */
    EXPIRED,
    /** The approver requested the action. */
    OWN_REQUEST,
    /** This approver already gave a verdict on the action. */
    DUPLICATE,
    /** The approver does not hold the role the decision requires. */
    NOT_AUTHORIZED;

    public boolean accepted() {
      return this == RECORDED || this == APPROVED || this == REJECTED;
    }
  }
}
