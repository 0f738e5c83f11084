package io.isthmus.store.internal.governance;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.Decision;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.ResponseAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads and writes the columns of the governance tables. */
final class GovernanceRows {

  static final String ACTION_COLUMNS = "id, alert_id, tenant, zone, kind, target, connector_id, reason, requested_by,"
      + " requested_at, touches_process, evidence_refs, parameters, reverses, evidence, state, outcome, policy_id,"
      + " policy_version, approvals_required, decision_reason, decided_at, approver_role, expires_at, attempts,"
      + " next_attempt_at, updated_at";

  private GovernanceRows() {}

  static void insert(Connection connection, GovernedAction g, Instant now) throws SQLException {
    ResponseAction a = g.action();
    Decision d = g.decision();
    String marks = "?, ".repeat(26) + "?";
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO gov_actions (" + ACTION_COLUMNS + ") VALUES (" + marks + ")")) {
      int i = 0;
      s.setString(++i, a.id());
      s.setString(++i, g.alertId());
      s.setString(++i, g.tenant());
      s.setString(++i, g.zone().name());
      s.setString(++i, a.kind().name());
      s.setString(++i, a.target());
      s.setString(++i, a.connectorId());
      s.setString(++i, a.reason());
      s.setString(++i, a.requestedBy());
      s.setObject(++i, time(a.requestedAt()));
      s.setBoolean(++i, a.touchesPhysicalProcess());
      s.setString(++i, TextCodec.list(a.evidenceRefs()));
      s.setString(++i, TextCodec.map(a.parameters()));
      s.setString(++i, a.reverses());
      s.setString(++i, g.evidence());
      s.setString(++i, g.state().name());
      s.setString(++i, d.outcome().name());
      s.setString(++i, d.policyId());
      s.setString(++i, d.policyVersion());
      s.setInt(++i, d.approvalsRequired());
      s.setString(++i, d.reason());
      s.setObject(++i, time(d.decidedAt()));
      s.setString(++i, g.approverRole());
      s.setObject(++i, time(g.expiresAt()));
      s.setInt(++i, g.attempts());
      s.setObject(++i, time(g.nextAttemptAt()));
      s.setObject(++i, time(now));
      s.executeUpdate();
    }
  }

  /** The actions a query selects (its columns must be {@link #ACTION_COLUMNS}), with their approvals and results. */
  static List<GovernedAction> query(Connection connection, String sql, Object... params) throws SQLException {
    List<GovernedAction> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i] instanceof Instant t ? time(t) : params[i]);
      }
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString("id");
          out.add(action(rows, approvals(connection, id), results(connection, id)));
        }
      }
    }
    return out;
  }

  private static GovernedAction action(ResultSet r, List<Approval> approvals, List<ConnectorResult> results)
      throws SQLException {
    String id = r.getString("id");
    ResponseAction action = new ResponseAction(id, ActionKind.valueOf(r.getString("kind")), r.getString("target"),
        r.getString("connector_id"), r.getString("reason"), r.getString("requested_by"), instant(r, "requested_at"),
        r.getBoolean("touches_process"), TextCodec.list(r.getString("evidence_refs")),
        TextCodec.map(r.getString("parameters")), r.getString("reverses"));
    Decision decision = new Decision(id, Decision.Outcome.valueOf(r.getString("outcome")), r.getString("policy_id"),
        r.getString("policy_version"), r.getInt("approvals_required"), r.getString("decision_reason"),
        instant(r, "decided_at"));
    return new GovernedAction(action, r.getString("alert_id"), r.getString("tenant"), Zone.valueOf(r.getString("zone")),
        r.getString("evidence"), ActionState.valueOf(r.getString("state")), decision, r.getString("approver_role"),
        instantOrNull(r, "expires_at"), approvals, r.getInt("attempts"), instantOrNull(r, "next_attempt_at"), results);
  }

  private static List<Approval> approvals(Connection connection, String actionId) throws SQLException {
    List<Approval> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT approver, verdict, comment, decided_at"
        + " FROM gov_approvals WHERE action_id = ? ORDER BY decided_at, approver")) {
      s.setString(1, actionId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Approval(actionId, r.getString(1), Approval.Verdict.valueOf(r.getString(2)), r.getString(3),
              instant(r, "decided_at")));
        }
      }
    }
    return out;
  }

  private static List<ConnectorResult> results(Connection connection, String actionId) throws SQLException {
    List<ConnectorResult> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement("SELECT connector_id, operation, status, detail,"
        + " external_ref, ended_at, attributes FROM gov_results WHERE action_id = ? ORDER BY attempt")) {
      s.setString(1, actionId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new ConnectorResult(r.getString(1), r.getString(2), ConnectorResult.Status.valueOf(r.getString(3)),
              r.getString(4), r.getString(5), instant(r, "ended_at"), TextCodec.map(r.getString(7))));
        }
      }
    }
    return out;
  }

  static @Nullable OffsetDateTime time(@Nullable Instant t) {
    return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    return r.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant instantOrNull(ResultSet r, String column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
