package io.isthmus.store.internal.governance;

import static io.isthmus.store.internal.governance.GovernanceRows.ACTION_COLUMNS;
import static io.isthmus.store.internal.governance.GovernanceRows.time;

import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.ApprovalOutcome;
import io.isthmus.api.governance.ApprovalOutcome.Status;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.PolicyPackFiles;
import io.isthmus.api.governance.RolloutSetting;
import io.isthmus.api.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Governed actions over plain JDBC (H2 and PostgreSQL). Each state change is one conditional
 * UPDATE: the row lock orders concurrent writers, and the loser finds its condition false.
 */
public final class JdbcGovernanceStore implements GovernanceStore {

  /** The area's tables and migrations: {@code db/governance}. */
  public static final String AREA = "governance";

  private static final Set<ActionState> INITIAL =
      EnumSet.of(ActionState.PENDING_APPROVAL, ActionState.APPROVED, ActionState.DENIED, ActionState.NOTIFIED);
  private static final String SELECT = "SELECT " + ACTION_COLUMNS + " FROM gov_actions";
  /** SQLSTATE of a unique or primary key violation, the same on H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public JdbcGovernanceStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public GovernedAction propose(GovernedAction proposal) {
    if (!INITIAL.contains(proposal.state())) {
      throw new IllegalArgumentException("a new action starts in one of " + INITIAL + ", not " + proposal.state());
    }
    try {
      return transaction("propose " + proposal.id(), c -> {
        GovernanceRows.insert(c, proposal, proposal.decision().decidedAt());
        return one(c, proposal.id()).orElseThrow();
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        throw new IllegalArgumentException("action " + proposal.id() + " exists already", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<GovernedAction> find(String actionId) {
    return transaction("read " + actionId, c -> one(c, actionId));
  }

  @Override
  public List<GovernedAction> list(Set<ActionState> states, int limit) {
    String where = states.isEmpty() ? "" : " WHERE state IN ("
        + states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")";
    return transaction("list actions", c -> GovernanceRows.query(c,
        SELECT + where + " ORDER BY requested_at DESC, id FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY"));
  }

  @Override
  public ApprovalOutcome addVerdict(Approval approval) {
    String id = approval.actionId();
    Instant at = approval.at();
    return transaction("verdict on " + id, c -> {
      // The conditional update takes the row lock: concurrent verdicts and expiry queue behind it.
      boolean approve = approval.verdict() == Approval.Verdict.APPROVE;
      int taken = update(c, "UPDATE gov_actions SET "
          + (approve ? "approvals_given = approvals_given + 1" : "state = 'REJECTED'") + ", updated_at = ?"
          + " WHERE id = ? AND state = 'PENDING_APPROVAL' AND expires_at > ? AND requested_by <> ?",
          at, id, at, approval.approver());
      if (taken == 0) {
        c.rollback();
        return refusal(c, approval);
      }
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO gov_approvals (action_id, approver, verdict, comment, decided_at) VALUES (?, ?, ?, ?, ?)")) {
        s.setString(1, id);
        s.setString(2, approval.approver());
        s.setString(3, approval.verdict().name());
        s.setString(4, approval.comment());
        s.setObject(5, time(at));
        s.executeUpdate();
      } catch (SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        c.rollback();
        return new ApprovalOutcome(Status.DUPLICATE, one(c, id).orElse(null));
      }
      Status status = Status.REJECTED;
      if (approve) {
        status = update(c, "UPDATE gov_actions SET state = 'APPROVED' WHERE id = ? AND state = 'PENDING_APPROVAL'"
            + " AND approvals_given >= approvals_required", id) == 1 ? Status.APPROVED : Status.RECORDED;
      }
      return new ApprovalOutcome(status, one(c, id).orElseThrow());
    });
  }

  /** Why a verdict's conditional update matched no row. */
  private static ApprovalOutcome refusal(Connection c, Approval approval) throws SQLException {
    Optional<GovernedAction> found = one(c, approval.actionId());
    if (found.isEmpty()) {
      return new ApprovalOutcome(Status.NOT_FOUND, null);
    }
    GovernedAction g = found.get();
    Status status;
    if (g.state() != ActionState.PENDING_APPROVAL) {
      status = g.state() == ActionState.EXPIRED ? Status.EXPIRED : Status.NOT_PENDING;
    } else if (g.action().requestedBy().equals(approval.approver())) {
      status = Status.OWN_REQUEST;
    } else {
      status = Status.EXPIRED;
    }
    return new ApprovalOutcome(status, g);
  }

  @Override
  public List<GovernedAction> expire(Instant now) {
    return transaction("expire approvals", c -> {
      List<GovernedAction> expired = new ArrayList<>();
      for (GovernedAction g : GovernanceRows.query(c, SELECT + " WHERE state = 'PENDING_APPROVAL' AND expires_at <= ?", now)) {
        if (update(c, "UPDATE gov_actions SET state = 'EXPIRED', updated_at = ? WHERE id = ?"
            + " AND state = 'PENDING_APPROVAL' AND expires_at <= ?", now, g.id(), now) == 1) {
          c.commit();
          expired.add(one(c, g.id()).orElseThrow());
        }
      }
      return expired;
    });
  }

  @Override
  public List<GovernedAction> due(Instant now, int limit) {
    return transaction("due actions", c -> GovernanceRows.query(c, SELECT
        + " WHERE state = 'APPROVED' OR (state = 'RETRY' AND next_attempt_at <= ?)"
        + " ORDER BY decided_at, id FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY", now));
  }

  @Override
  public Optional<GovernedAction> claim(String actionId, Instant now) {
    return transaction("claim " + actionId, c -> {
      // The decision and the approvals are checked here, in the statement that hands the action out.
      int taken = update(c, "UPDATE gov_actions SET state = 'EXECUTING', attempts = attempts + 1,"
          + " next_attempt_at = NULL, updated_at = ? WHERE id = ?"
          + " AND (state = 'APPROVED' OR (state = 'RETRY' AND next_attempt_at <= ?))"
          + " AND NOT EXISTS (SELECT 1 FROM gov_approvals r WHERE r.action_id = gov_actions.id AND r.verdict = 'REJECT')"
          + " AND (outcome = 'AUTO_EXECUTE' OR (outcome = 'REQUIRE_APPROVAL' AND approvals_required > 0"
          + " AND (SELECT COUNT(*) FROM gov_approvals p WHERE p.action_id = gov_actions.id AND p.verdict = 'APPROVE')"
          + " >= approvals_required))", now, actionId, now);
      return taken == 1 ? one(c, actionId) : Optional.empty();
    });
  }

  @Override
  public GovernedAction recordResult(String actionId, ConnectorResult result, ActionState next, @Nullable Instant retryAt) {
    if (next != ActionState.SUCCEEDED && next != ActionState.FAILED && next != ActionState.RETRY) {
      throw new IllegalArgumentException("a result moves an action to SUCCEEDED, FAILED or RETRY, not " + next);
    }
    if ((next == ActionState.RETRY) != (retryAt != null)) {
      throw new IllegalArgumentException("a retry time goes with RETRY and only with it");
    }
    return transaction("result of " + actionId, c -> {
      if (update(c, "UPDATE gov_actions SET state = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?"
          + " AND state = 'EXECUTING'", next.name(), retryAt, result.at(), actionId) != 1) {
        throw new IllegalStateException("action " + actionId + " is not executing");
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO gov_results (action_id, attempt, connector_id,"
          + " operation, status, detail, external_ref, attributes, ended_at)"
          + " SELECT id, attempts, ?, ?, ?, ?, ?, ?, ? FROM gov_actions WHERE id = ?")) {
        s.setString(1, result.connectorId());
        s.setString(2, result.operation());
        s.setString(3, result.status().name());
        s.setString(4, truncate(result.detail(), 4000));
        s.setString(5, result.externalRef());
        s.setString(6, TextCodec.map(result.attributes()));
        s.setObject(7, time(result.at()));
        s.setString(8, actionId);
        s.executeUpdate();
      }
      return one(c, actionId).orElseThrow();
    });
  }

  @Override
  public int recoverInterrupted(Instant now) {
    return transaction("recover interrupted actions", c -> update(c,
        "UPDATE gov_actions SET state = 'RETRY', next_attempt_at = ?, updated_at = ? WHERE state = 'EXECUTING'", now, now));
  }

  @Override
  public List<RolloutSetting> rolloutSettings() {
    return transaction("read rollout settings", RolloutRows::all);
  }

  @Override
  public void saveRollout(RolloutSetting setting) {
    transaction("save rollout of " + setting.scope(), c -> {
      RolloutRows.save(c, setting);
      return null;
    });
  }

  @Override
  public void savePolicyPack(PolicyPackFiles pack) {
    transaction("save policy pack " + pack.bundle(), c -> {
      PolicyPackRows.save(c, pack);
      return null;
    });
  }

  @Override
  public Optional<PolicyPackFiles> policyPack(String bundle) {
    return transaction("read policy pack " + bundle, c -> PolicyPackRows.find(c, bundle));
  }

  @Override
  public void deletePolicyPack(String bundle) {
    transaction("delete policy pack " + bundle, c -> {
      PolicyPackRows.delete(c, bundle);
      return null;
    });
  }

  private static Optional<GovernedAction> one(Connection c, String id) throws SQLException {
    return GovernanceRows.query(c, SELECT + " WHERE id = ?", id).stream().findFirst();
  }

  private static int update(Connection c, String sql, @Nullable Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i] instanceof Instant t ? time(t) : params[i]);
      }
      return s.executeUpdate();
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private <T> T transaction(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("governance store: " + what + " failed", e);
    }
  }
}
