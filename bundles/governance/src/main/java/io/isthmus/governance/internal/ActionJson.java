package io.isthmus.governance.internal;

import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Governed actions as the REST API shows them. */
final class ActionJson {

  private ActionJson() {}

  static Map<String, Object> of(GovernedAction g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id());
    m.put("state", g.state().name());
    m.put("kind", g.action().kind().name());
    m.put("target", g.action().target());
    m.put("connectorId", g.action().connectorId());
    m.put("alertId", g.alertId());
    m.put("tenant", g.tenant());
    m.put("zone", g.zone().name());
    m.put("requestedBy", g.action().requestedBy());
    m.put("requestedAt", time(g.action().requestedAt()));
    m.put("reason", g.action().reason());
    m.put("touchesPhysicalProcess", g.action().touchesPhysicalProcess());
    m.put("reverses", g.action().reverses());
    m.put("evidence", g.evidence());
    m.put("evidenceRefs", g.action().evidenceRefs());
    m.put("parameters", g.action().parameters());
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("outcome", g.decision().outcome().name());
    d.put("policy", g.decision().policyId());
    d.put("policyVersion", g.decision().policyVersion());
    d.put("approvalsRequired", g.decision().approvalsRequired());
    d.put("reason", g.decision().reason());
    d.put("decidedAt", time(g.decision().decidedAt()));
    m.put("decision", d);
    m.put("approverRole", g.approverRole());
    m.put("expiresAt", time(g.expiresAt()));
    List<Object> approvals = new ArrayList<>();
    for (Approval a : g.approvals()) {
      approvals.add(Map.of("approver", a.approver(), "verdict", a.verdict().name(), "comment", a.comment(),
          "at", a.at().toString()));
    }
    m.put("approvals", approvals);
    m.put("attempts", g.attempts());
    m.put("nextAttemptAt", time(g.nextAttemptAt()));
    List<Object> results = new ArrayList<>();
    for (ConnectorResult r : g.results()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("connectorId", r.connectorId());
      rm.put("operation", r.operation());
      rm.put("status", r.status().name());
      rm.put("detail", r.detail());
      rm.put("externalRef", r.externalRef());
      rm.put("at", r.at().toString());
      results.add(rm);
    }
    m.put("results", results);
    return m;
  }

  static Map<String, Object> list(List<GovernedAction> actions) {
    List<Object> items = new ArrayList<>();
    actions.forEach(g -> items.add(of(g)));
    return Map.of("actions", items);
  }

  static String error(String message) {
    return JsonWriter.toJson(Map.of("error", message));
  }

  private static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }
}
