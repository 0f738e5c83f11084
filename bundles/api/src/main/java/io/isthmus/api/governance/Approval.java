package io.isthmus.api.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * One approver's verdict on a proposed action.
 *
 * @param actionId the action
 * @param approver the authenticated user
 * @param verdict approve or reject
 * @param comment the approver's comment
 * @param at when
 */
public record Approval(String actionId, String approver, Verdict verdict, String comment, Instant at) {

  /** An approver's verdict. */
  public enum Verdict {
    APPROVE,
    REJECT
  }

  public Approval {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(approver, "approver");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(at, "at");
  }
}
