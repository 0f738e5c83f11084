package io.isthmus.api.governance;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A proposed response action with everything governance recorded about it, as stored.
 *
 * @param action the proposal
 * @param alertId the alert it responds to
 * @param tenant the tenant the alert belongs to
 * @param zone zone of the target asset when proposed
 * @param evidence what an approver reads: the alert's summary, indicators and techniques
 * @param state where it is in its life
 * @param decision what policy decided (recorded with the proposal, never without it)
 * @param approverRole role an approver must hold, or {@code null} for any approver
 * @param expiresAt when a pending approval lapses, or {@code null} if it is not pending
 * @param approvals verdicts so far, oldest first
 * @param attempts connector calls made
 * @param nextAttemptAt when a {@link ActionState#RETRY} action is due, else {@code null}
 * @param results the connector results, oldest first
 */
public record GovernedAction(
    ResponseAction action,
    String alertId,
    String tenant,
    Zone zone,
    String evidence,
    ActionState state,
    Decision decision,
    @Nullable String approverRole,
    @Nullable Instant expiresAt,
    List<Approval> approvals,
    int attempts,
    @Nullable Instant nextAttemptAt,
    List<ConnectorResult> results) {

  public GovernedAction {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(decision, "decision");
    if (!decision.actionId().equals(action.id())) {
      throw new IllegalArgumentException("decision " + decision.actionId() + " is not about action " + action.id());
    }
    approvals = List.copyOf(approvals);
    results = List.copyOf(results);
  }

  public String id() {
    return action.id();
  }

  /** Approving verdicts so far. */
  public long approvalCount() {
    return approvals.stream().filter(a -> a.verdict() == Approval.Verdict.APPROVE).count();
  }
}
