package io.isthmus.api.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * What policy decided for one proposed action.
 *
 * @param actionId the action decided on
 * @param outcome the decision
 * @param policyId the policy (rule) that matched
 * @param policyVersion version of the policy bundle that held it
 * @param approvalsRequired approvals needed before execution (0 unless {@link Outcome#REQUIRE_APPROVAL})
 * @param reason why, in plain language
 * @param decidedAt when
 */
public record Decision(
    String actionId,
    Outcome outcome,
    String policyId,
    String policyVersion,
    int approvalsRequired,
    String reason,
    Instant decidedAt) {

  /** The possible decisions. */
  public enum Outcome {
    AUTO_EXECUTE,
    REQUIRE_APPROVAL,
    NOTIFY_ONLY,
    DENY
  }

  public Decision {
    Objects.requireNonNull(actionId, "actionId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(policyVersion, "policyVersion");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (approvalsRequired < 0) {
      throw new IllegalArgumentException("approvalsRequired must not be negative");
    }
    if (outcome == Outcome.REQUIRE_APPROVAL && approvalsRequired == 0) {
      throw new IllegalArgumentException("REQUIRE_APPROVAL needs at least one approval");
    }
  }
}
