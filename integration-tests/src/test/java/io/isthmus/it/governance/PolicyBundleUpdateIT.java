package io.isthmus.it.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.Decision.Outcome;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.PolicyPackStatus;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;

/**
 * A policy bundle changes the next decision when it is installed, updated or uninstalled; an update
 * that does not compile is refused with file, line and reason, and the previous revision keeps
 * deciding, also after governance restarts; a new bundle that does not compile is refused.
 */
@RunWith(PaxExam.class)
public class PolicyBundleUpdateIT extends GovernanceTestSupport {

  @Test
  public void updatesChangeTheNextDecisionAndAnInvalidOneIsRefused() throws Exception {
    startGovernance();
    GovernedAction none = decisionFor(Zone.IT, 0.95, "T1486");
    assertEquals("without policies", "builtin/no-match", none.decision().policyId());
    assertEquals(Outcome.NOTIFY_ONLY, none.decision().outcome());

    Bundle pack = install("isthmus-policy-default");
    awaitPack(DEFAULT_PACK, PolicyPackStatus::active, "in force");
    GovernedAction first = decisionFor(Zone.IT, 0.95, "T1486");
    assertEquals(ActionKind.CONTAIN_HOST, first.action().kind());
    assertEquals(Outcome.AUTO_EXECUTE, first.decision().outcome());
    assertEquals(DEFAULT_PACK + "/contain-it-ransomware", first.decision().policyId());
    assertEquals(pack.getVersion().toString(), first.decision().policyVersion());

    // Revision 2: the same rule now only notifies.
    String original = PolicyJars.entry(file("isthmus-policy-default").toPath(), POLICY_FILE);
    String notify = original.replace("    outcome: AUTO_EXECUTE\n    reason: ransomware", "    outcome: NOTIFY_ONLY\n    reason: ransomware");
    assertTrue("the test edits the rule it means to", !notify.equals(original));
    updateAndRefresh(pack, PolicyJars.revision(file("isthmus-policy-default").toPath(), "0.1.0.v2", POLICY_FILE, notify));
    awaitPack(DEFAULT_PACK, p -> p.version().equals("0.1.0.v2") && p.active(), "at revision 2");
    GovernedAction second = decisionFor(Zone.IT, 0.95, "T1486");
    assertEquals(Outcome.NOTIFY_ONLY, second.decision().outcome());
    assertEquals("0.1.0.v2", second.decision().policyVersion());

    // Revision 3 does not compile: refused, revision 2 keeps deciding.
    String broken = notify.replace("asset.zone == \"IT\"", "asset.zone == IT");
    int line = List.of(broken.split("\n", -1)).indexOf(
        broken.lines().filter(l -> l.contains("asset.zone == IT")).findFirst().orElseThrow()) + 1;
    updateAndRefresh(pack, PolicyJars.revision(file("isthmus-policy-default").toPath(), "0.1.0.v3", POLICY_FILE, broken));
    PolicyPackStatus refused = awaitPack(DEFAULT_PACK, p -> p.version().equals("0.1.0.v3"), "refusing revision 3");
    assertTrue("the previous revision stays in force", refused.active());
    assertEquals(refused.problems().toString(), 1, refused.problems().size());
    String problem = refused.problems().get(0);
    assertTrue(problem, problem.startsWith(POLICY_FILE + ":" + line + ": condition does not compile"));
    assertTrue(problem, problem.contains("'IT'"));
    assertTrue(refused.rules().contains("rule:contain-it-ransomware"));
    GovernedAction third = decisionFor(Zone.IT, 0.95, "T1486");
    assertEquals(Outcome.NOTIFY_ONLY, third.decision().outcome());
    assertEquals("revision 2 decided", "0.1.0.v2", third.decision().policyVersion());

    // Across a restart of governance the kept revision 2 stays in force while revision 3 is refused.
    for (Bundle b : context.getBundles()) {
      if (b.getLocation().equals("isthmus-it:isthmus-governance")) {
        b.stop();
        b.start();
      }
    }
    PolicyPackStatus afterRestart = awaitPack(DEFAULT_PACK, p -> p.version().equals("0.1.0.v3"), "refused after the restart");
    assertTrue(afterRestart.toString(), afterRestart.active() && afterRestart.rules().contains("rule:contain-it-ransomware"));
    GovernedAction fourth = decisionFor(Zone.IT, 0.95, "T1486");
    assertEquals(Outcome.NOTIFY_ONLY, fourth.decision().outcome());
    assertEquals("revision 2, kept in the store, decided", "0.1.0.v2", fourth.decision().policyVersion());

    // A new bundle with an invalid policy is refused; the default pack keeps deciding.
    Bundle other = context.installBundle("isthmus-it:broken-pack",
        new java.io.ByteArrayInputStream(PolicyJars.otherBundle(file("isthmus-policy-default").toPath(),
            "io.isthmus.policy.broken", POLICY_FILE, broken.replace("priority: 100", "priority: 5000"))));
    other.start();
    PolicyPackStatus brokenPack = awaitPack("io.isthmus.policy.broken", p -> !p.problems().isEmpty(), "refused");
    assertTrue("nothing of it is in force", !brokenPack.active() && brokenPack.rules().isEmpty());
    assertEquals("0.1.0.v2", decisionFor(Zone.IT, 0.95, "T1486").decision().policyVersion());
    other.uninstall();

    pack.uninstall();
    waitUntil("the pack's policies leave with it",
        () -> { try { return awaitService(io.isthmus.api.governance.PolicyRegistry.class, null).packs().isEmpty(); }
          catch (Exception e) { throw new IllegalStateException(e); } });
    assertEquals("builtin/no-match", decisionFor(Zone.IT, 0.95, "T1486").decision().policyId());
  }
}
