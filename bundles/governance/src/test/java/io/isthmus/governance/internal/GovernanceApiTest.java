package io.isthmus.governance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.governance.PolicyPackStatus;
import io.isthmus.api.governance.RolloutMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/governance}: pack status as the registry reports it, rollout modes over the real store. */
class GovernanceApiTest {

  @TempDir
  Path dir;
  Fixture f;
  GovernanceApi api;

  @BeforeEach
  void open() throws Exception {
    f = new Fixture(dir);
    api = new GovernanceApi(() -> List.of(new PolicyPackStatus("io.isthmus.policy.default", "0.1.0.v3", true,
        List.of("rule:notify"), List.of("OSGI-INF/isthmus-policies/default.yaml:31: condition does not compile"))), f.rollout);
  }

  @AfterEach
  void close() throws Exception {
    f.close();
  }

  private ApprovalsApi.Response rollout(String user, String roles, String body) {
    return api.handle("POST", "/rollout", Map.of(), user, roles, body);
  }

  @Test
  void refusedPackIsShownWithItsProblems() {
    ApprovalsApi.Response r = api.handle("GET", "/policies", Map.of(), null, null, "");
    assertEquals(200, r.status());
    assertEquals("{\"packs\":[{", r.json().substring(0, 11));
    assertTrue(r.json().contains("\"problems\":[\"OSGI-INF/isthmus-policies/default.yaml:31: condition does not compile\"]"), r.json());
    assertEquals(405, api.handle("DELETE", "/policies", Map.of(), "a", "", "").status());
    assertEquals(404, api.handle("GET", "/other", Map.of(), null, null, "").status());
  }

  @Test
  void rolloutChangesNeedTheAdminRoleAndAnOverrideForOt() {
    String ot = "{\"scope\":\"zone:OT_CONTROL\",\"mode\":\"GUARDED_AUTONOMY\",\"reason\":\"test line\"";
    assertEquals(401, rollout(null, GovernanceApi.ADMIN_ROLE, ot + "}").status());
    assertEquals(403, rollout("alice", "soc-analyst", ot + "}").status());
    ApprovalsApi.Response refused = rollout("alice", GovernanceApi.ADMIN_ROLE, ot + "}");
    assertEquals(400, refused.status());
    assertTrue(refused.json().contains("explicit override"), refused.json());
    assertEquals(400, rollout("alice", GovernanceApi.ADMIN_ROLE, "{\"scope\":\"zone:IT\",\"mode\":\"FULL\",\"reason\":\"x\"}").status());
    assertEquals(400, rollout("alice", GovernanceApi.ADMIN_ROLE, "{\"scope\":\"zone:IT\",\"mode\":\"ASSIST\"}").status(), "a reason is needed");
    ApprovalsApi.Response ok = rollout("alice", "soc-analyst," + GovernanceApi.ADMIN_ROLE, ot + ",\"override\":true}");
    assertEquals(200, ok.status(), ok.json());
    assertEquals(RolloutMode.GUARDED_AUTONOMY, f.rollout.modeFor(Zone.OT_CONTROL, "default"));
    assertEquals("override", f.audit.records.get(0).type());
    ApprovalsApi.Response view = api.handle("GET", "/rollout/", Map.of("tenant", "acme"), null, null, "");
    assertTrue(view.json().startsWith("{\"tenant\":\"acme\",\"inForce\":{\"IT\":\"GUARDED_AUTONOMY\",\"DMZ\":\"GUARDED_AUTONOMY\","
        + "\"OT_SUPERVISORY\":\"APPROVAL\",\"OT_CONTROL\":\"GUARDED_AUTONOMY\",\"UNKNOWN\":\"APPROVAL\"}"), view.json());
  }
}
