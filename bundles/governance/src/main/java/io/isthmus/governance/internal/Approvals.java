package io.isthmus.governance.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.ApprovalOutcome;
import io.isthmus.api.governance.ApprovalQueue;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.json.JsonWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval queue over the store: role and requester checks, the store's conditional update
 * decides races, and each accepted verdict (and each expiry) goes to the audit log.
 */
final class Approvals implements ApprovalQueue {

  private static final Logger LOG = LoggerFactory.getLogger(Approvals.class);
  static final int MAX_COMMENT = 4000;

  private final GovernanceStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Governor governor;
  private final Function<String, @Nullable Alert> alerts;
  private final Function<Alert, @Nullable Asset> assets;

  Approvals(GovernanceStore store, AuditLog audit, Clock clock, Governor governor,
      Function<String, @Nullable Alert> alerts, Function<Alert, @Nullable Asset> assets) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.governor = governor;
    this.alerts = alerts;
    this.assets = assets;
  }

  @Override
  public List<GovernedAction> list(Set<ActionState> states, int limit) {
    return store.list(states, limit);
  }

  @Override
  public Optional<GovernedAction> find(String actionId) {
    return store.find(actionId);
  }

  @Override
  public ApprovalOutcome decide(String actionId, String user, Set<String> roles, Approval.Verdict verdict, String comment) {
    if (user.isBlank()) {
      throw new IllegalArgumentException("an approver must be identified");
    }
    if (comment.length() > MAX_COMMENT) {
      throw new IllegalArgumentException("a comment has at most " + MAX_COMMENT + " characters");
    }
    if (verdict == Approval.Verdict.REJECT && comment.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a comment saying why");
    }
    Optional<GovernedAction> found = store.find(actionId);
    if (found.isEmpty()) {
      return new ApprovalOutcome(ApprovalOutcome.Status.NOT_FOUND, null);
    }
    Approval approval = new Approval(actionId, user, verdict, comment, clock.instant().truncatedTo(ChronoUnit.MICROS));
    String role = found.get().approverRole();
    if (role != null && !roles.contains(role)) {
      LOG.info("{} may not decide on action {}: it needs role {}", user, actionId, role);
      return refused(approval, new ApprovalOutcome(ApprovalOutcome.Status.NOT_AUTHORIZED, found.get()), roles);
    }
    ApprovalOutcome outcome = store.addVerdict(approval);
    if (!outcome.status().accepted()) {
      return refused(approval, outcome, roles);
    }
    audit.append("approval", actionId, user, List.of(actionId),
        JsonWriter.toJson(AuditPayloads.verdict(approval, outcome)));
    return outcome;
  }

  /**
   * A verdict that did not count (wrong role, own request, given twice, too late) is audited too:
   * who tried to decide on an action that can touch a process matters as much as who did.
   */
  private ApprovalOutcome refused(Approval approval, ApprovalOutcome outcome, Set<String> roles) {
    Map<String, Object> payload = AuditPayloads.verdict(approval, outcome);
    payload.put("roles", roles.stream().sorted().toList());
    audit.append("approval_refused", approval.actionId(), approval.approver(), List.of(approval.actionId()),
        JsonWriter.toJson(payload));
    return outcome;
  }

  @Override
  public GovernedAction requestRollback(String actionId, String user, String reason) {
    if (user.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("a rollback needs who asks for it and why");
    }
    GovernedAction original = store.find(actionId).orElseThrow(() -> new NoSuchElementException("no action " + actionId));
    Alert alert = alerts.apply(original.alertId());
    return governor.proposeRollback(original, user, reason, alert, alert == null ? null : assets.apply(alert));
  }

  /** Closes the approval windows that have lapsed; each expiry is audited. Returns how many. */
  static int expireDue(GovernanceStore store, AuditLog audit, Clock clock) {
    List<GovernedAction> expired = store.expire(clock.instant().truncatedTo(ChronoUnit.MICROS));
    for (GovernedAction g : expired) {
      audit.append("approval", g.id(), Governor.ACTOR, List.of(g.id()), JsonWriter.toJson(java.util.Map.of(
          "result", "EXPIRED", "expiresAt", String.valueOf(g.expiresAt()), "approvals", g.approvalCount(),
          "approvalsRequired", g.decision().approvalsRequired())));
    }
    return expired.size();
  }
}
