package io.isthmus.governance.internal;

import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.ApprovalOutcome;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.RolloutMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON objects governance writes to the audit log, one builder per record type. */
final class AuditPayloads {

  private AuditPayloads() {}

  static Map<String, Object> decision(GovernedAction g, RolloutMode mode) {
    Map<String, Object> m = action(g);
    m.put("alertId", g.alertId());
    m.put("tenant", g.tenant());
    m.put("zone", g.zone().name());
    m.put("rolloutMode", mode.name());
    m.put("outcome", g.decision().outcome().name());
    m.put("policy", g.decision().policyId());
    m.put("policyVersion", g.decision().policyVersion());
    m.put("approvalsRequired", g.decision().approvalsRequired());
    m.put("approverRole", g.approverRole());
    m.put("expiresAt", g.expiresAt() == null ? null : g.expiresAt().toString());
    m.put("reason", g.decision().reason());
    m.put("state", g.state().name());
    return m;
  }

  static Map<String, Object> verdict(Approval a, ApprovalOutcome outcome) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", a.verdict().name());
    m.put("comment", a.comment());
    m.put("at", a.at().toString());
    m.put("result", outcome.status().name());
    m.put("state", outcome.action() == null ? null : outcome.action().state().name());
    return m;
  }

  static Map<String, Object> execution(GovernedAction g) {
    Map<String, Object> m = action(g);
    m.put("attempt", g.attempts());
    m.put("outcome", g.decision().outcome().name());
    m.put("policy", g.decision().policyId());
    List<Object> approvals = new ArrayList<>();
    for (Approval a : g.approvals()) {
      approvals.add(Map.of("approver", a.approver(), "verdict", a.verdict().name(), "at", a.at().toString()));
    }
    m.put("approvals", approvals);
    return m;
  }

  static Map<String, Object> result(GovernedAction g, ConnectorResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attempt", g.attempts());
    m.put("connectorId", r.connectorId());
    m.put("operation", r.operation());
    m.put("status", r.status().name());
    m.put("detail", r.detail());
    m.put("externalRef", r.externalRef());
    m.put("state", g.state().name());
    m.put("nextAttemptAt", g.nextAttemptAt() == null ? null : g.nextAttemptAt().toString());
    return m;
  }

  private static Map<String, Object> action(GovernedAction g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", g.action().kind().name());
    m.put("target", g.action().target());
    m.put("connectorId", g.action().connectorId());
    m.put("requestedBy", g.action().requestedBy());
    m.put("touchesPhysicalProcess", g.action().touchesPhysicalProcess());
    m.put("reverses", g.action().reverses());
    return m;
  }
}
