package io.isthmus.governance.internal;

import static io.isthmus.governance.internal.Fixture.alert;
import static io.isthmus.governance.internal.Fixture.asset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.GovernedAction;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/approvals} over the real queue and store. */
class ApprovalsApiTest {

  @TempDir
  Path dir;
  Fixture f;
  ApprovalsApi api;
  GovernedAction pending;

  @BeforeEach
  void open() throws Exception {
    f = new Fixture(dir);
    f.connectors.add(new TestConnector("falcon", Set.of(ConnectorCapability.CONTAIN_HOST, ConnectorCapability.RELEASE_HOST),
        a -> { }));
    f.install("default");
    api = new ApprovalsApi(f.approvals);
    pending = f.governor.propose(alert("al-1", "10.20.0.5", Zone.OT_SUPERVISORY, 0.97, 3, "T1486"),
        asset("hmi-2", "10.20.0.5", Zone.OT_SUPERVISORY, 3), "acme");
  }

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private ApprovalsApi.Response post(String path, String user, String roles, String body) {
    return api.handle("POST", path, Map.of(), user, roles, body);
  }

  @Test
  void listsPendingActionsWithEvidenceAndDecision() {
    ApprovalsApi.Response r = api.handle("GET", null, Map.of(), null, null, "");
    assertEquals(200, r.status());
    assertTrue(r.json().startsWith("{\"actions\":[{\"id\":\"" + pending.id() + "\",\"state\":\"PENDING_APPROVAL\""), r.json());
    assertTrue(r.json().contains("\"policy\":\"io.isthmus.policy.default/escalate-ot-or-uncertain\""), r.json());
    assertTrue(r.json().contains("Writes from a host never seen writing to 10.20.0.5"), r.json());
    assertEquals("{\"actions\":[]}", api.handle("GET", "/", Map.of("state", "SUCCEEDED,FAILED"), null, null, "").json());
    assertEquals(400, api.handle("GET", "", Map.of("state", "WAITING"), null, null, "").status());
    assertEquals(400, api.handle("GET", "", Map.of("limit", "0"), null, null, "").status());
    assertEquals(200, api.handle("GET", "/" + pending.id(), Map.of(), null, null, "").status());
    assertEquals(404, api.handle("GET", "/nope", Map.of(), null, null, "").status());
    assertEquals(404, api.handle("GET", "/a/b/c", Map.of(), null, null, "").status());
    assertEquals(405, api.handle("DELETE", "/" + pending.id(), Map.of(), "alice", "", "").status());
  }

  @Test
  void verdictsNeedAnIdentifiedUserWithTheRole() {
    String path = "/" + pending.id() + "/approve";
    assertEquals(401, post(path, null, "soc-analyst", "{}").status());
    assertEquals(403, post(path, "mallory", "ot-engineer", "{}").status());
    ApprovalsApi.Response own = post(path, Governor.ACTOR, "soc-analyst", "{}");
    assertEquals(403, own.status());
    assertTrue(own.json().contains("\"result\":\"OWN_REQUEST\""), own.json());
    assertEquals(405, api.handle("GET", path, Map.of(), "alice", "soc-analyst", "").status());
    assertEquals(400, post(path, "alice", "soc-analyst", "{\"comment\": 5}").status());
    assertEquals(400, post("/" + pending.id() + "/reject", "alice", "soc-analyst", "{}").status(), "a rejection says why");

    ApprovalsApi.Response ok = post(path, "alice", "soc-analyst, ot-engineer", "{\"comment\": \"line \\\"3\\\" stopped\\n\"}");
    assertEquals(200, ok.status(), ok.json());
    assertTrue(ok.json().contains("\"result\":\"APPROVED\""), ok.json());
    assertEquals("line \"3\" stopped\n", f.store.find(pending.id()).orElseThrow().approvals().get(0).comment());
    assertEquals(409, post(path, "bob", "soc-analyst", "{}").status(), "already approved");
  }

  @Test
  void rollbackOfASucceededActionIsProposed() {
    post("/" + pending.id() + "/approve", "alice", "soc-analyst", "{\"comment\": \"go\"}");
    assertEquals(1, f.executor.runDue());
    assertEquals(ActionState.SUCCEEDED, f.store.find(pending.id()).orElseThrow().state());
    ApprovalsApi.Response r = post("/" + pending.id() + "/rollback", "alice", "", "{\"reason\": \"plant checked\"}");
    assertEquals(201, r.status(), r.json());
    assertTrue(r.json().contains("\"kind\":\"RELEASE_HOST\""), r.json());
    assertTrue(r.json().contains("\"reverses\":\"" + pending.id() + "\""), r.json());
    assertEquals(400, post("/" + pending.id() + "/rollback", "alice", "", "{}").status(), "a rollback says why");
    assertEquals(404, post("/nope/rollback", "alice", "", "{\"reason\": \"x\"}").status());
  }
}
