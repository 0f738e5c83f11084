package io.isthmus.it.governance;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.ApprovalQueue;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import io.isthmus.api.governance.Decision.Outcome;
import io.isthmus.api.governance.GovernedAction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/**
 * An OT action proposed, the runtime's store and governance restarted, then approved by two OT
 * engineers over REST: the connector is called once, only after both approvals, with every step in
 * the audit log.
 */
@RunWith(PaxExam.class)
public class ApprovalAcrossRestartIT extends GovernanceTestSupport {

  @Test
  public void pendingActionSurvivesRestartAndRunsOnlyWhenApproved() throws Exception {
    startGovernance();
    install("isthmus-policy-default");
    install("isthmus-policy-strict-ot");
    awaitPack("io.isthmus.policy.strict.ot", p -> p.active(), "in force");
    GuardedConnector edr = new GuardedConnector(awaitService(ApprovalQueue.class, null), awaitService(AuditLog.class, null));
    context.registerService(EdrConnector.class, edr, null);

    GovernedAction proposed = decisionFor(Zone.OT_SUPERVISORY, 0.97, "T1486");
    assertEquals(Outcome.REQUIRE_APPROVAL, proposed.decision().outcome());
    assertEquals("io.isthmus.policy.strict.ot/two-ot-engineers", proposed.decision().policyId());
    assertEquals(2, proposed.decision().approvalsRequired());
    assertEquals("it-edr", proposed.action().connectorId());

    for (Bundle b : context.getBundles()) {
      if (b.getLocation().equals("isthmus-it:isthmus-governance") || b.getLocation().equals("isthmus-it:isthmus-store")) {
        b.stop();
        b.start();
      }
    }
    ApprovalQueue queue = awaitService(ApprovalQueue.class, null);
    waitUntil("the pending action back after the restart", () -> queue.find(proposed.id())
        .map(g -> g.state() == ActionState.PENDING_APPROVAL).orElse(false));

    String base = endpoint() + "api/v1/approvals/" + proposed.id();
    assertEquals(403, post(base + "/approve", "mallory", "soc-analyst", "{}").statusCode());
    HttpResponse<String> first = post(base + "/approve", "alice", "ot-engineer", "{\"comment\":\"line 2 is stopped\"}");
    assertEquals(first.body(), 200, first.statusCode());
    assertTrue(first.body(), first.body().contains("\"result\":\"RECORDED\""));
    Thread.sleep(1500);
    assertEquals("one approval of two runs nothing", List.of(), edr.calls);
    HttpResponse<String> second = post(base + "/approve", "bob", "ot-engineer", "{\"comment\":\"agreed\"}");
    assertTrue(second.body(), second.body().contains("\"result\":\"APPROVED\""));

    waitUntil("the action executed", () -> queue.find(proposed.id()).map(g -> g.state() == ActionState.SUCCEEDED).orElse(false));
    assertEquals(1, edr.calls.size());
    assertEquals(List.of(), edr.violations);
    // The result is stored first (a crash after it must not run the action again), then audited.
    AuditLog audit = awaitService(AuditLog.class, null);
    waitUntil("the result audited", () -> audit.forSubject(proposed.id()).size() >= 6);
    List<String> types = audit.forSubject(proposed.id()).stream().map(AuditRecord::type).toList();
    assertEquals(List.of("decision", "approval_refused", "approval", "approval", "action", "result"), types);
    HttpResponse<String> shown = get(base);
    assertTrue(shown.body(), shown.body().contains("\"state\":\"SUCCEEDED\"") && shown.body().contains("\"approver\":\"bob\""));
  }

  private String endpoint() throws Exception {
    ServiceReference<HttpServiceRuntime> ref = context.getServiceReference(HttpServiceRuntime.class);
    Object value = ref.getProperty("osgi.http.endpoint");
    String endpoint = value instanceof String[] a ? a[0] : value instanceof java.util.Collection<?> c
        ? String.valueOf(c.iterator().next()) : String.valueOf(value);
    return endpoint.endsWith("/") ? endpoint : endpoint + "/";
  }

  private static HttpResponse<String> post(String url, String user, String roles, String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("X-Isthmus-User", user)
        .header("X-Isthmus-Roles", roles).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
