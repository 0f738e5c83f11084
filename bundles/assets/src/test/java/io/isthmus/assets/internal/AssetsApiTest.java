package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoreException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/assets over the real store; the JSON is read back with a real parser. */
class AssetsApiTest {

  private static final Instant SEEN = Instant.parse("2026-06-01T12:00:00Z");

  @TempDir
  Path dir;

  private static JsonObject parse(AssetsApi.Response response) {
    return Json.createReader(new StringReader(response.json())).readObject();
  }

  private AssetStore inventory() {
    AssetStore store = TestStores.h2(dir);
    store.upsert(Asset.builder("10.0.0.5").address("10.0.0.5").vendor("Siemens").firmware("2.8.0").protocol("s7comm")
        .peer("10.1.0.1").peer("10.0.0.20").build(), SEEN);
    store.importRegistry(Asset.builder("plc-1").address("10.0.0.5").type("plc").criticality(5).zone(Zone.OT_CONTROL)
        .site("Lyon \"Nord\"").firmware("2.9.4").build(), SEEN.plusSeconds(60));
    store.importRegistry(Asset.builder("erp").address("10.1.0.1").zone(Zone.IT).criticality(2).build(), SEEN);
    store.setRisk("plc-1", 47, List.of("30 points: criticality 5 of 5", "15 points: OT control device talks to 1 IT host(s)"));
    return store;
  }

  @Test
  void listsEveryAsset() {
    AssetsApi.Response response = new AssetsApi(inventory()).handle("GET", null);
    assertEquals(200, response.status());
    JsonObject body = parse(response);
    assertEquals(2, body.getInt("count"));
    JsonObject plc = body.getJsonArray("assets").getJsonObject(1);
    assertEquals("plc-1", plc.getString("id"));
    assertEquals("Lyon \"Nord\"", plc.getString("site"));
    assertEquals(47, plc.getJsonObject("risk").getInt("score"));
    assertEquals("2", plc.getJsonObject("attributes").getString("peer_count"));
    assertTrue(!plc.containsKey("peers"), "the list leaves the peer lists out");
  }

  @Test
  void oneAssetByIdOrAddressWithReasonsConflictsAndTimes() {
    AssetsApi api = new AssetsApi(inventory());
    JsonObject plc = parse(api.handle("GET", "/plc-1"));
    assertEquals(List.of("10.0.0.20", "10.1.0.1"), plc.getJsonArray("peers").getValuesAs(jakarta.json.JsonString.class)
        .stream().map(jakarta.json.JsonString::getString).toList());
    assertEquals("30 points: criticality 5 of 5", plc.getJsonObject("risk").getJsonArray("reasons").getString(0));
    JsonObject conflict = plc.getJsonArray("conflicts").getJsonObject(0);
    assertEquals("firmware", conflict.getString("field"));
    assertEquals("2.9.4", conflict.getString("registry_value"));
    assertEquals("2.8.0", conflict.getString("discovered_value"));
    assertEquals(SEEN.plusSeconds(60).toString(), conflict.getString("first_noticed"));
    assertEquals(SEEN.toString(), plc.getString("first_seen"));
    assertEquals("OT_CONTROL", plc.getString("zone"));
    assertEquals("0-1", plc.getString("purdue_levels"));
    assertEquals(List.of("criticality", "firmware", "site", "type", "zone"),
        plc.getJsonArray("registry_fields").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString).toList());

    assertEquals(parse(api.handle("GET", "/plc-1")), parse(api.handle("GET", "/10.0.0.5/")), "by address too");
    JsonObject erp = parse(api.handle("GET", "/erp"));
    assertTrue(erp.isNull("first_seen"), "registry only: never seen");
  }

  @Test
  void errorsAreJsonMessages() {
    AssetsApi api = new AssetsApi(inventory());
    AssetsApi.Response missing = api.handle("GET", "/nope");
    assertEquals(404, missing.status());
    assertEquals("No asset with id or address nope", parse(missing).getString("error"));
    assertEquals(405, api.handle("POST", null).status());

    AssetStore broken = (AssetStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AssetStore.class},
        (proxy, method, args) -> {
          throw new StoreException("list failed", new java.sql.SQLException("connection refused"));
        });
    AssetsApi.Response down = new AssetsApi(broken).handle("GET", "/");
    assertEquals(503, down.status());
    assertEquals("The asset store is not available; the log has the reason", parse(down).getString("error"));
  }
}
