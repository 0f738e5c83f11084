package io.isthmus.governance.internal;

import static io.isthmus.governance.internal.Fixture.alert;
import static io.isthmus.governance.internal.Fixture.asset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.AuditRecord;
import io.isthmus.api.governance.Decision.Outcome;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.RolloutMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which action is proposed for an alert and what is decided, with the shipped packs and rollout modes. */
class GovernorTest {

  @TempDir
  Path dir;
  Fixture f;

  @BeforeEach
  void open() throws Exception {
    f = new Fixture(dir);
    f.connectors.add(new TestConnector("falcon", Set.of(ConnectorCapability.CONTAIN_HOST, ConnectorCapability.RELEASE_HOST,
        ConnectorCapability.OPEN_TICKET), a -> { }));
  }

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  @Test
  void confidentRansomwareOnAnItHostIsContainedAutomatically() throws Exception {
    f.install("default");
    GovernedAction g = f.governor.propose(alert("al-1", "10.1.0.7", Zone.IT, 0.95, 2, "T1486"), null, "acme");
    assertEquals(ActionKind.CONTAIN_HOST, g.action().kind());
    assertEquals("10.1.0.7", g.action().target());
    assertEquals("falcon", g.action().connectorId());
    assertEquals(Outcome.AUTO_EXECUTE, g.decision().outcome());
    assertEquals("io.isthmus.policy.default/contain-it-ransomware", g.decision().policyId());
    assertEquals(ActionState.APPROVED, g.state());
    assertFalse(g.action().touchesPhysicalProcess());
    AuditRecord decision = f.audit.forSubject(g.id()).get(0);
    assertEquals("decision", decision.type());
    assertEquals(List.of("al-1"), decision.links(), "the decision record links the alert");
    assertTrue(decision.payloadJson().contains("\"outcome\":\"AUTO_EXECUTE\""), decision.payloadJson());
    assertEquals(g, f.store.find(g.id()).orElseThrow(), "stored with its decision");
  }

  @Test
  void otZoneIsEscalatedToAnAnalystWithTheEvidence() throws Exception {
    f.install("default");
    GovernedAction g = f.governor.propose(alert("al-2", "10.20.0.5", Zone.OT_CONTROL, 0.97, 5, "T1486"),
        asset("plc-7", "10.20.0.5", Zone.OT_CONTROL, 5), "acme");
    assertEquals(ActionKind.CONTAIN_HOST, g.action().kind());
    assertTrue(g.action().touchesPhysicalProcess());
    assertEquals(Outcome.REQUIRE_APPROVAL, g.decision().outcome());
    assertEquals("io.isthmus.policy.default/escalate-ot-or-uncertain", g.decision().policyId());
    assertEquals("soc-analyst", g.approverRole());
    assertEquals(f.clock.now.plusSeconds(4 * 3600), g.expiresAt());
    assertTrue(g.evidence().contains("Writes from a host never seen writing to 10.20.0.5"), g.evidence());
    assertTrue(g.evidence().contains("asset plc-7, plc, criticality 5"), g.evidence());
  }

  @Test
  void uncertainItFindingIsEscalatedNotContained() throws Exception {
    f.install("default");
    GovernedAction g = f.governor.propose(alert("al-3", "10.1.0.8", Zone.IT, 0.6, 2), null, "acme");
    assertEquals(ActionKind.OPEN_TICKET, g.action().kind(), "severity 48 earns a ticket");
    assertEquals(Outcome.REQUIRE_APPROVAL, g.decision().outcome());
  }

  @Test
  void withoutPoliciesTheBuiltInFallbackHoldsOtForApproval() {
    GovernedAction ot = f.governor.propose(alert("al-4", "10.20.0.9", Zone.OT_SUPERVISORY, 0.99, 3), null, "acme");
    assertEquals(ActionKind.NOTIFY, ot.action().kind());
    assertEquals(Outcome.REQUIRE_APPROVAL, ot.decision().outcome());
    assertEquals("builtin/ot-zone", ot.decision().policyId());
    GovernedAction it = f.governor.propose(alert("al-5", "10.1.0.9", Zone.IT, 0.99, 3), null, "acme");
    assertEquals(Outcome.NOTIFY_ONLY, it.decision().outcome());
    assertEquals(ActionState.NOTIFIED, it.state());
  }

  @Test
  void strictPackInstalledOverDefaultChangesTheNextDecision() throws Exception {
    f.install("default");
    var plc = asset("plc-9", "10.20.0.10", Zone.OT_CONTROL, 4);
    GovernedAction before = f.governor.propose(alert("al-6", "10.20.0.10", Zone.OT_CONTROL, 0.95, 4, "T1486"), plc, "acme");
    assertEquals(Outcome.REQUIRE_APPROVAL, before.decision().outcome());
    f.install("strict-ot");
    GovernedAction after = f.governor.propose(alert("al-7", "10.20.0.10", Zone.OT_CONTROL, 0.95, 4, "T1486"), plc, "acme");
    assertEquals(Outcome.DENY, after.decision().outcome());
    assertEquals(ActionState.DENIED, after.state());
    assertEquals("io.isthmus.policy.strict-ot/deny-network-changes-on-controllers", after.decision().policyId());
    f.engine.remove("io.isthmus.policy.strict-ot");
    assertEquals(Outcome.REQUIRE_APPROVAL, f.governor.propose(alert("al-8", "10.20.0.10", Zone.OT_CONTROL, 0.95, 4,
        "T1486"), plc, "acme").decision().outcome(), "removing the pack changes the next decision back");
  }

  @Test
  void rolloutModesOnlyMakeDecisionsMoreCautious() throws Exception {
    f.install("default");
    f.rollout.set("zone:IT", RolloutMode.APPROVAL, false, "alice", "first week");
    GovernedAction held = f.governor.propose(alert("al-9", "10.1.0.7", Zone.IT, 0.95, 2, "T1486"), null, "acme");
    assertEquals(Outcome.REQUIRE_APPROVAL, held.decision().outcome());
    assertTrue(held.decision().reason().contains("rollout mode APPROVAL"), held.decision().reason());
    f.rollout.set("zone:IT", RolloutMode.GUARDED_AUTONOMY, false, "alice", "pilot over");
    f.rollout.set("tenant:acme", RolloutMode.ASSIST, false, "bob", "customer asked");
    GovernedAction assisted = f.governor.propose(alert("al-10", "10.1.0.7", Zone.IT, 0.95, 2, "T1486"), null, "acme");
    assertEquals(Outcome.NOTIFY_ONLY, assisted.decision().outcome());
    assertEquals(Outcome.AUTO_EXECUTE, f.governor.propose(alert("al-11", "10.1.0.7", Zone.IT, 0.95, 2, "T1486"), null,
        "other").decision().outcome(), "another tenant is not held back");
    // Guarded autonomy: a critical IT host is not contained without a person.
    GovernedAction critical = f.governor.propose(alert("al-12", "10.1.0.7", Zone.IT, 0.95, 5, "T1486"), null, "other");
    assertEquals(Outcome.REQUIRE_APPROVAL, critical.decision().outcome());
  }

  @Test
  void otZoneGoesPastApprovalOnlyWithAnAuditedOverride() throws Exception {
    var e = assertThrows(IllegalArgumentException.class,
        () -> f.rollout.set("zone:OT_CONTROL", RolloutMode.GUARDED_AUTONOMY, false, "alice", "faster"));
    assertTrue(e.getMessage().contains("explicit override"), e.getMessage());
    assertEquals(RolloutMode.APPROVAL, f.rollout.modeFor(Zone.OT_CONTROL, "acme"));
    assertTrue(f.audit.records.isEmpty(), "a refused change is not recorded as made");

    f.rollout.set("zone:OT_CONTROL", RolloutMode.GUARDED_AUTONOMY, true, "alice", "test bench line, no process");
    assertEquals(RolloutMode.GUARDED_AUTONOMY, f.rollout.modeFor(Zone.OT_CONTROL, "acme"));
    AuditRecord override = f.audit.records.get(0);
    assertEquals("override", override.type());
    assertEquals("zone:OT_CONTROL", override.subjectId());
    assertEquals("alice", override.actor());
    assertTrue(override.payloadJson().contains("test bench line"), override.payloadJson());

    f.restart();
    assertEquals(RolloutMode.GUARDED_AUTONOMY, f.rollout.modeFor(Zone.OT_CONTROL, "acme"), "kept in the store");
    // Even with the override, an action that can affect the process waits for a person.
    f.install("default");
    f.engine.remove("io.isthmus.policy.default");
    f.install("x", "1", Map.of("x.yaml", "rules:\n  - id: all\n    when: \"true\"\n    outcome: AUTO_EXECUTE\n"
        + "recommendations:\n  - id: c\n    when: \"true\"\n    action: CONTAIN_HOST\n"));
    GovernedAction g = f.governor.propose(alert("al-13", "10.20.0.5", Zone.OT_CONTROL, 0.99, 2), null, "acme");
    assertEquals(Outcome.REQUIRE_APPROVAL, g.decision().outcome());
    assertTrue(g.decision().reason().contains("physical process"), g.decision().reason());
    assertNull(f.rollout.settings().stream().filter(s -> s.scope().equals("zone:IT")).findAny().orElse(null));
  }
}
