package io.isthmus.governance.internal;

import static io.isthmus.governance.internal.Fixture.alert;
import static io.isthmus.governance.internal.Fixture.asset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval.Verdict;
import io.isthmus.api.governance.ApprovalOutcome.Status;
import io.isthmus.api.governance.Decision.Outcome;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.ResponseAction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From alert to connector: a connector call is checked, at the moment it happens, against the
 * stored decision and approvals and the audit log; every violation is collected and must stay none.
 */
class ApprovalFlowTest {

  @TempDir
  Path dir;
  Fixture f;
  TestConnector edr;
  final List<String> violations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() throws Exception {
    f = new Fixture(dir);
    edr = new TestConnector("falcon", Set.of(ConnectorCapability.CONTAIN_HOST, ConnectorCapability.RELEASE_HOST,
        ConnectorCapability.OPEN_TICKET), this::check);
    f.connectors.add(edr);
    f.install("default");
    f.install("strict-ot");
  }

  @AfterEach
  void close() throws Exception {
    f.close();
    assertEquals(List.of(), violations, "actions reached the connector without their decision or approvals");
  }

  /** What must hold whenever a connector is called. */
  private void check(ResponseAction action) {
    GovernedAction g = f.store.find(action.id()).orElse(null);
    List<String> audited = f.audit.typesFor(action.id());
    if (g == null || !audited.contains("decision")) {
      violations.add(action.id() + ": no decision record");
      return;
    }
    if (g.decision().outcome() == Outcome.REQUIRE_APPROVAL) {
      long approvalRecords = audited.stream().filter("approval"::equals).count();
      if (g.approvalCount() < g.decision().approvalsRequired() || approvalRecords < g.decision().approvalsRequired()) {
        violations.add(action.id() + ": " + g.approvalCount() + " approval(s) of " + g.decision().approvalsRequired());
      }
    } else if (g.decision().outcome() != Outcome.AUTO_EXECUTE) {
      violations.add(action.id() + ": executed with outcome " + g.decision().outcome());
    }
    if (!"action".equals(audited.get(audited.size() - 1))) {
      violations.add(action.id() + ": the execution was not audited before the call");
    }
  }

  private GovernedAction otProposal() {
    return f.governor.propose(alert("al-1", "10.20.0.5", Zone.OT_SUPERVISORY, 0.97, 3, "T1486"),
        asset("hmi-2", "10.20.0.5", Zone.OT_SUPERVISORY, 3), "acme");
  }

  @Test
  void twoOtEngineersApproveThenTheConnectorIsCalledOnce() {
    GovernedAction g = otProposal();
    assertEquals(Outcome.REQUIRE_APPROVAL, g.decision().outcome());
    assertEquals(2, g.decision().approvalsRequired());
    assertEquals(0, f.executor.runDue());

    Set<String> ot = Set.of("ot-engineer");
    assertEquals(Status.NOT_AUTHORIZED, f.approvals.decide(g.id(), "mallory", Set.of("soc-analyst"), Verdict.APPROVE, "").status());
    assertEquals(Status.OWN_REQUEST, f.approvals.decide(g.id(), Governor.ACTOR, ot, Verdict.APPROVE, "").status());
    assertEquals(Status.RECORDED, f.approvals.decide(g.id(), "alice", ot, Verdict.APPROVE, "line stopped").status());
    assertEquals(0, f.executor.runDue(), "one of two approvals executes nothing");
    assertEquals(Status.APPROVED, f.approvals.decide(g.id(), "bob", ot, Verdict.APPROVE, "agreed").status());
    assertEquals(1, f.executor.runDue());
    assertEquals(0, f.executor.runDue());
    assertEquals(1, edr.calls.size());
    assertEquals(ActionState.SUCCEEDED, f.store.find(g.id()).orElseThrow().state());
    assertEquals(List.of("decision", "approval_refused", "approval_refused", "approval", "approval", "action", "result"),
        f.audit.typesFor(g.id()), "the two refused attempts are audited between the decision and the approvals");
    var records = f.audit.forSubject(g.id());
    assertTrue(records.get(1).payloadJson().contains("\"result\":\"NOT_AUTHORIZED\"") && records.get(1).payloadJson()
        .contains("\"roles\":[\"soc-analyst\"]"), records.get(1).payloadJson());
    assertEquals("mallory", records.get(1).actor());
    assertTrue(records.get(2).payloadJson().contains("\"result\":\"OWN_REQUEST\""), records.get(2).payloadJson());
    assertEquals(List.of("al-1"), records.get(0).links(), "the decision follows from the alert");
    for (int i = 1; i < records.size(); i++) {
      assertEquals(List.of(g.id()), records.get(i).links(), "the rest follow from the action's decision");
    }
  }

  @Test
  void rejectedOrExpiredActionsNeverRun() {
    GovernedAction rejected = otProposal();
    GovernedAction expired = otProposal();
    assertThrows(IllegalArgumentException.class,
        () -> f.approvals.decide(rejected.id(), "alice", Set.of("ot-engineer"), Verdict.REJECT, " "));
    assertEquals(Status.REJECTED, f.approvals.decide(rejected.id(), "alice", Set.of("ot-engineer"), Verdict.REJECT,
        "batch running on line 3").status());
    f.approvals.decide(expired.id(), "alice", Set.of("ot-engineer"), Verdict.APPROVE, "ok");
    f.clock.advance(Duration.ofHours(1));
    assertEquals(1, Approvals.expireDue(f.store, f.audit, f.clock));
    assertEquals(Status.EXPIRED, f.approvals.decide(expired.id(), "bob", Set.of("ot-engineer"), Verdict.APPROVE, "late").status());
    assertEquals("approval_refused", f.audit.typesFor(expired.id()).get(f.audit.typesFor(expired.id()).size() - 1),
        "a verdict after the window closed is audited as refused");
    assertEquals(0, f.executor.runDue());
    assertEquals(List.of(), edr.calls);
    assertEquals(ActionState.EXPIRED, f.store.find(expired.id()).orElseThrow().state());
  }

  @Test
  void restartBetweenProposalAndApprovalLosesNothing() throws Exception {
    GovernedAction g = otProposal();
    f.approvals.decide(g.id(), "alice", Set.of("ot-engineer"), Verdict.APPROVE, "ok");
    f.restart();
    assertEquals(List.of(g.id()), f.approvals.list(Set.of(ActionState.PENDING_APPROVAL), 10).stream()
        .map(GovernedAction::id).toList());
    assertEquals(Status.DUPLICATE, f.approvals.decide(g.id(), "alice", Set.of("ot-engineer"), Verdict.APPROVE, "again").status());
    assertEquals(List.of("decision", "approval", "approval_refused"), f.audit.typesFor(g.id()));
    assertEquals(Status.APPROVED, f.approvals.decide(g.id(), "bob", Set.of("ot-engineer"), Verdict.APPROVE, "ok").status());
    f.restart();
    assertEquals(1, f.executor.runDue());
    assertEquals(1, edr.calls.size());
  }

  @Test
  void transientFailureIsRetriedWithBackoffThenGivenUp() {
    edr.answer(ConnectorResult.Status.RETRYABLE, ConnectorResult.Status.RETRYABLE, ConnectorResult.Status.RETRYABLE);
    GovernedAction g = f.governor.propose(alert("al-2", "10.1.0.7", Zone.IT, 0.95, 2, "T1486"), null, "acme");
    assertEquals(Outcome.AUTO_EXECUTE, g.decision().outcome());
    assertEquals(1, f.executor.runDue());
    GovernedAction retry = f.store.find(g.id()).orElseThrow();
    assertEquals(ActionState.RETRY, retry.state());
    assertEquals(f.clock.now.plusSeconds(5), retry.nextAttemptAt());
    f.clock.advance(Duration.ofSeconds(4));
    assertEquals(0, f.executor.runDue(), "not before the backoff");
    f.clock.advance(Duration.ofSeconds(1));
    assertEquals(1, f.executor.runDue());
    assertEquals(f.clock.now.plusSeconds(10), f.store.find(g.id()).orElseThrow().nextAttemptAt(), "backoff doubles");
    f.clock.advance(Duration.ofSeconds(10));
    assertEquals(1, f.executor.runDue());
    GovernedAction failed = f.store.find(g.id()).orElseThrow();
    assertEquals(ActionState.FAILED, failed.state(), "3 attempts, then final");
    assertEquals(3, failed.results().size());
    assertEquals(3, edr.calls.size());
  }

  @Test
  void executionWaitsWhileTheAuditLogCannotRecordIt() {
    GovernedAction g = f.governor.propose(alert("al-3", "10.1.0.7", Zone.IT, 0.95, 2, "T1486"), null, "acme");
    f.audit.failing = true;
    assertEquals(0, f.executor.runDue());
    f.audit.failing = false;
    assertEquals(List.of(), edr.calls);
    assertEquals(ActionState.RETRY, f.store.find(g.id()).orElseThrow().state());
    f.clock.advance(Duration.ofSeconds(5));
    assertEquals(1, f.executor.runDue());
    assertEquals(1, edr.calls.size());
  }

  @Test
  void rollbackIsANewGovernedAction() {
    GovernedAction contained = f.governor.propose(alert("al-4", "10.1.0.7", Zone.IT, 0.95, 2, "T1486"), null, "acme");
    assertThrows(IllegalStateException.class, () -> f.approvals.requestRollback(contained.id(), "alice", "clean"),
        "nothing to roll back before it ran");
    f.executor.runDue();
    GovernedAction release = f.approvals.requestRollback(contained.id(), "alice", "host reimaged");
    assertEquals(ActionKind.RELEASE_HOST, release.action().kind());
    assertEquals(contained.id(), release.action().reverses());
    assertEquals("alice", release.action().requestedBy());
    assertEquals(Outcome.REQUIRE_APPROVAL, release.decision().outcome());
    assertEquals("io.isthmus.policy.default/rollback-needs-analyst", release.decision().policyId());
    assertEquals(Status.OWN_REQUEST, f.approvals.decide(release.id(), "alice", Set.of("soc-analyst"), Verdict.APPROVE, "").status());
    assertEquals(Status.APPROVED, f.approvals.decide(release.id(), "bob", Set.of("soc-analyst"), Verdict.APPROVE, "ok").status());
    assertEquals(1, f.executor.runDue());
    assertEquals(List.of(ActionKind.CONTAIN_HOST, ActionKind.RELEASE_HOST), edr.calls.stream().map(ResponseAction::kind).toList());
    assertEquals(List.of("al-4", contained.id()), f.audit.forSubject(release.id()).get(0).links());
  }
}
