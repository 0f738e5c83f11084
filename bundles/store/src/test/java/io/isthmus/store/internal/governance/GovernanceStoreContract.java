package io.isthmus.store.internal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.Approval.Verdict;
import io.isthmus.api.governance.ApprovalOutcome.Status;
import io.isthmus.api.governance.Decision;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.PolicyPackFiles;
import io.isthmus.api.governance.ResponseAction;
import io.isthmus.api.governance.RolloutMode;
import io.isthmus.api.governance.RolloutSetting;
import io.isthmus.store.internal.SqlDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database behind the governance store must do; subclasses supply a fresh, empty database. */
abstract class GovernanceStoreContract {

  static final Instant T0 = Instant.parse("2026-05-04T08:00:00.123456Z");
  static final Duration WINDOW = Duration.ofHours(4);

  JdbcGovernanceStore store;

  /** A data source for the test's database; each call opens it anew, as after a restart. */
  abstract DataSource openDatabase();

  /** Runs before each test, before the schema is migrated; may skip the test with an assumption. */
  void prepareDatabase() throws Exception {}

  /** Lets go of the database, as a stopped process does. */
  void closeDatabase() throws Exception {}

  @BeforeEach
  void migrate() throws Exception {
    prepareDatabase();
    assertEquals(2, new SqlDatabase(openDatabase()).migrate(JdbcGovernanceStore.AREA), "V1 and V2 apply once");
    store = new JdbcGovernanceStore(openDatabase());
  }

  static GovernedAction pending(String id, int required, @Nullable String role) {
    ResponseAction action = new ResponseAction(id, ActionKind.CONTAIN_HOST, "10.1.2.3", "falcon-eu1",
        "ransomware on a workstation", "governance", T0, false, List.of("alert-1", "finding:x"),
        Map.of("timeout", "PT1H", "note", "a=b&c"), null);
    Decision decision = new Decision(id, Decision.Outcome.REQUIRE_APPROVAL, "default/ot-escalate", "1.0.0", required,
        "touches an OT zone", T0);
    return new GovernedAction(action, "alert-1", "acme", Zone.OT_SUPERVISORY, "3 findings: fc_not_in_baseline:90",
        ActionState.PENDING_APPROVAL, decision, role, T0.plus(WINDOW), List.of(), 0, null, List.of());
  }

  static GovernedAction automatic(String id) {
    GovernedAction p = pending(id, 1, null);
    Decision decision = new Decision(id, Decision.Outcome.AUTO_EXECUTE, "default/it-ransomware", "1.0.0", 0, "IT host", T0);
    return new GovernedAction(p.action(), p.alertId(), p.tenant(), Zone.IT, p.evidence(), ActionState.APPROVED,
        decision, null, null, List.of(), 0, null, List.of());
  }

  static Approval verdict(String id, String who, Verdict verdict, Instant at) {
    return new Approval(id, who, verdict, "checked with the plant", at);
  }

  static ConnectorResult result(ConnectorResult.Status status, Instant at) {
    return new ConnectorResult("falcon-eu1", "contain_host", status, "vendor said " + status, "dev-42", at,
        Map.of("http_status", "202"));
  }

  @Test
  void proposalIsStoredWithItsDecision() {
    GovernedAction stored = store.propose(pending("a1", 2, "ot-engineer"));
    assertEquals(pending("a1", 2, "ot-engineer"), stored, "what is read back is what was proposed");
    assertEquals(stored, store.find("a1").orElseThrow());
    assertThrows(IllegalArgumentException.class, () -> store.propose(pending("a1", 2, null)));
    GovernedAction executing = new GovernedAction(pending("a2", 1, null).action(), "alert-1", "acme", Zone.IT, "",
        ActionState.EXECUTING, pending("a2", 1, null).decision(), null, null, List.of(), 0, null, List.of());
    assertThrows(IllegalArgumentException.class, () -> store.propose(executing));
  }

  @Test
  void twoOfThreeApprovalsWithoutTheRequester() {
    store.propose(pending("a1", 2, "ot-engineer"));
    Instant t = T0.plusSeconds(60);
    assertEquals(Status.OWN_REQUEST, store.addVerdict(verdict("a1", "governance", Verdict.APPROVE, t)).status());
    assertEquals(Status.RECORDED, store.addVerdict(verdict("a1", "alice", Verdict.APPROVE, t)).status());
    assertEquals(Status.DUPLICATE, store.addVerdict(verdict("a1", "alice", Verdict.APPROVE, t.plusSeconds(1))).status());
    assertTrue(store.claim("a1", t).isEmpty(), "one approval of two is not enough to execute");
    var second = store.addVerdict(verdict("a1", "bob", Verdict.APPROVE, t.plusSeconds(2)));
    assertEquals(Status.APPROVED, second.status());
    assertEquals(ActionState.APPROVED, second.action().state());
    assertEquals(List.of("alice", "bob"), second.action().approvals().stream().map(Approval::approver).toList());
    assertEquals(Status.NOT_PENDING, store.addVerdict(verdict("a1", "carol", Verdict.APPROVE, t.plusSeconds(3))).status());
    assertEquals(Status.NOT_FOUND, store.addVerdict(verdict("nope", "carol", Verdict.APPROVE, t)).status());
  }

  @Test
  void rejectionStopsTheAction() {
    store.propose(pending("a1", 2, null));
    store.addVerdict(verdict("a1", "alice", Verdict.APPROVE, T0.plusSeconds(1)));
    var rejected = store.addVerdict(new Approval("a1", "bob", Verdict.REJECT, "line 3 is running a batch", T0.plusSeconds(2)));
    assertEquals(Status.REJECTED, rejected.status());
    assertEquals(ActionState.REJECTED, rejected.action().state());
    assertEquals("line 3 is running a batch", rejected.action().approvals().get(1).comment());
    assertEquals(Status.NOT_PENDING, store.addVerdict(verdict("a1", "carol", Verdict.APPROVE, T0.plusSeconds(3))).status());
    assertTrue(store.claim("a1", T0.plusSeconds(4)).isEmpty());
  }

  @Test
  void approvalWindowClosesAtExpiry() {
    store.propose(pending("a1", 1, null));
    store.propose(pending("a2", 1, null));
    Instant expiry = T0.plus(WINDOW);
    assertEquals(Status.EXPIRED, store.addVerdict(verdict("a1", "alice", Verdict.APPROVE, expiry)).status(),
        "an approval given at the expiry instant is late");
    assertEquals(List.of(), store.expire(expiry.minusNanos(1000)));
    List<GovernedAction> expired = store.expire(expiry);
    assertEquals(Set.of("a1", "a2"), Set.copyOf(expired.stream().map(GovernedAction::id).toList()));
    assertTrue(expired.stream().allMatch(g -> g.state() == ActionState.EXPIRED));
    assertEquals(Status.EXPIRED, store.addVerdict(verdict("a2", "alice", Verdict.APPROVE, expiry.minusSeconds(5))).status(),
        "an expired action stays expired whatever time the approver's clock says");
    assertTrue(store.claim("a1", expiry).isEmpty());
    assertEquals(List.of(), store.expire(expiry.plusSeconds(1)), "expiry happens once");
  }

  @Test
  void claimRetryAndResults() {
    store.propose(automatic("a1"));
    store.propose(pending("a2", 1, null));
    assertEquals(List.of("a1"), store.due(T0, 10).stream().map(GovernedAction::id).toList());
    GovernedAction claimed = store.claim("a1", T0).orElseThrow();
    assertEquals(ActionState.EXECUTING, claimed.state());
    assertEquals(1, claimed.attempts());
    assertTrue(store.claim("a1", T0).isEmpty(), "a claimed action is not handed out twice");
    assertTrue(store.claim("a2", T0).isEmpty(), "a pending action is never handed out");

    Instant retryAt = T0.plusSeconds(30);
    GovernedAction retry = store.recordResult("a1", result(ConnectorResult.Status.RETRYABLE, T0.plusSeconds(1)),
        ActionState.RETRY, retryAt);
    assertEquals(ActionState.RETRY, retry.state());
    assertEquals(retryAt, retry.nextAttemptAt());
    assertTrue(store.due(retryAt.minusSeconds(1), 10).isEmpty());
    assertTrue(store.claim("a1", retryAt.minusSeconds(1)).isEmpty(), "not before its retry time");
    assertEquals(2, store.claim("a1", retryAt).orElseThrow().attempts());
    GovernedAction done = store.recordResult("a1", result(ConnectorResult.Status.SUCCEEDED, retryAt.plusSeconds(1)),
        ActionState.SUCCEEDED, null);
    assertEquals(ActionState.SUCCEEDED, done.state());
    assertEquals(List.of(ConnectorResult.Status.RETRYABLE, ConnectorResult.Status.SUCCEEDED),
        done.results().stream().map(ConnectorResult::status).toList());
    assertEquals(result(ConnectorResult.Status.SUCCEEDED, retryAt.plusSeconds(1)), done.results().get(1));
    assertThrows(IllegalStateException.class, () -> store.recordResult("a1",
        result(ConnectorResult.Status.SUCCEEDED, retryAt), ActionState.SUCCEEDED, null), "only an executing action takes a result");
  }

  @Test
  void restartBetweenProposalAndApprovalLosesNothing() throws Exception {
    store.propose(pending("a1", 1, "ot-engineer"));
    store.propose(automatic("a2"));
    store.claim("a2", T0);

    closeDatabase();
    store = new JdbcGovernanceStore(openDatabase());
    assertEquals(1, store.recoverInterrupted(T0.plusSeconds(5)), "the call cut off by the restart is retried");
    assertEquals(List.of("a2"), store.due(T0.plusSeconds(5), 10).stream().map(GovernedAction::id).toList());
    assertEquals(pending("a1", 1, "ot-engineer"), store.find("a1").orElseThrow());
    assertEquals(Status.APPROVED, store.addVerdict(verdict("a1", "alice", Verdict.APPROVE, T0.plusSeconds(9))).status());
    assertEquals(ActionState.EXECUTING, store.claim("a1", T0.plusSeconds(10)).orElseThrow().state());
  }

  @Test
  void listsNewestFirstByState() {
    store.propose(pending("a1", 1, null));
    GovernedAction later = pending("a2", 1, null);
    store.propose(new GovernedAction(new ResponseAction("a2", ActionKind.OPEN_TICKET, "soc", "snow", "r", "governance",
        T0.plusSeconds(1), false, List.of(), Map.of(), null), "alert-2", "acme", Zone.IT, "", ActionState.PENDING_APPROVAL,
        later.decision(), null, T0.plus(WINDOW), List.of(), 0, null, List.of()));
    store.propose(automatic("a3"));
    assertEquals(List.of("a2", "a1"), store.list(Set.of(ActionState.PENDING_APPROVAL), 10).stream().map(GovernedAction::id).toList());
    assertEquals(List.of("a2"), store.list(Set.of(), 1).stream().map(GovernedAction::id).toList());
    assertEquals(3, store.list(Set.of(), 10).size());
  }

  @Test
  void acceptedPolicyPackIsKeptUntilReplacedOrDeleted() {
    String big = "rules: []\n# " + "x".repeat(200_000) + "\n";
    store.savePolicyPack(new PolicyPackFiles("p", "1.0.0", Map.of("OSGI-INF/p/a.yaml", "a: 1\n", "OSGI-INF/p/b.yaml", big)));
    store.savePolicyPack(new PolicyPackFiles("p", "1.1.0", Map.of("OSGI-INF/p/a.yaml", "a: 2\n")));
    assertEquals(new PolicyPackFiles("p", "1.1.0", Map.of("OSGI-INF/p/a.yaml", "a: 2\n")), store.policyPack("p").orElseThrow(),
        "a revision replaces every file of the one before");
    store.savePolicyPack(new PolicyPackFiles("q", "2", Map.of("b.yaml", big)));
    assertEquals(big, store.policyPack("q").orElseThrow().files().get("b.yaml"));
    store.deletePolicyPack("p");
    assertTrue(store.policyPack("p").isEmpty());
    assertTrue(store.policyPack("q").isPresent());
  }

  @Test
  void rolloutSettingReplacesTheScopesLast() {
    store.saveRollout(new RolloutSetting("zone:IT", RolloutMode.GUARDED_AUTONOMY, false, "alice", "pilot", T0));
    store.saveRollout(new RolloutSetting("zone:OT_CONTROL", RolloutMode.GUARDED_AUTONOMY, true, "bob", "lab line", T0));
    store.saveRollout(new RolloutSetting("zone:IT", RolloutMode.APPROVAL, false, "carol", "incident", T0.plusSeconds(1)));
    assertEquals(List.of(
        new RolloutSetting("zone:IT", RolloutMode.APPROVAL, false, "carol", "incident", T0.plusSeconds(1)),
        new RolloutSetting("zone:OT_CONTROL", RolloutMode.GUARDED_AUTONOMY, true, "bob", "lab line", T0)),
        store.rolloutSettings());
  }
}
