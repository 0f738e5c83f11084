package io.isthmus.it.governance;

import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.governance.ApprovalQueue;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import io.isthmus.api.governance.Decision;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.ResponseAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test connector that, at the moment it is called, checks the stored decision and approvals and
 * the audit log; what does not hold is collected as a violation instead of thrown.
 */
final class GuardedConnector implements EdrConnector {

  final List<ResponseAction> calls = new CopyOnWriteArrayList<>();
  final List<String> violations = new CopyOnWriteArrayList<>();
  private final ApprovalQueue queue;
  private final AuditLog audit;

  GuardedConnector(ApprovalQueue queue, AuditLog audit) {
    this.queue = queue;
    this.audit = audit;
  }

  @Override
  public String id() {
    return "it-edr";
  }

  @Override
  public String vendor() {
    return "Integration test EDR";
  }

  @Override
  public Set<ConnectorCapability> capabilities() {
    return Set.of(ConnectorCapability.CONTAIN_HOST, ConnectorCapability.RELEASE_HOST, ConnectorCapability.OPEN_TICKET);
  }

  @Override
  public ConnectorResult execute(ResponseAction action) {
    GovernedAction g = queue.find(action.id()).orElse(null);
    List<String> types = audit.forSubject(action.id()).stream().map(AuditRecord::type).toList();
    if (g == null || !types.contains("decision")) {
      violations.add(action.id() + ": no decision record");
    } else if (g.decision().outcome() == Decision.Outcome.REQUIRE_APPROVAL
        && (g.approvalCount() < g.decision().approvalsRequired()
            || types.stream().filter("approval"::equals).count() < g.decision().approvalsRequired())) {
      violations.add(action.id() + ": " + g.approvalCount() + " of " + g.decision().approvalsRequired() + " approvals");
    } else if (g.decision().outcome() != Decision.Outcome.REQUIRE_APPROVAL
        && g.decision().outcome() != Decision.Outcome.AUTO_EXECUTE) {
      violations.add(action.id() + ": executed with outcome " + g.decision().outcome());
    }
    calls.add(action);
    return new ConnectorResult(id(), "contain_host", ConnectorResult.Status.SUCCEEDED, "contained", "it-" + calls.size(),
        Instant.now(), Map.of());
  }
}
