package io.isthmus.triage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AlertsApiTest {

  final MemoryAlertStore store = new MemoryAlertStore();
  final AlertsApi api = new AlertsApi(store, new AlertFormatsComponent("0.1.0"));

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void listsRecentAlertsAsWebhookOrOcsf() {
    store.save(AlertFormatsTest.alert(Alert.State.OPEN, 93, "plc-1"));
    AlertsApi.Response plain = api.handle("GET", null, null, null);
    assertEquals(200, plain.status());
    JsonObject body = parse(plain.json());
    assertEquals(1, body.getInt("count"));
    assertEquals("isthmus.alert", body.getJsonArray("alerts").getJsonObject(0).getString("event_type"));

    JsonObject ocsf = parse(api.handle("GET", "/", "10", "ocsf").json());
    assertEquals(2004, ocsf.getJsonArray("alerts").getJsonObject(0).getInt("class_uid"));
  }

  @Test
  void oneAlertByIdAndClearErrors() {
    Alert alert = AlertFormatsTest.alert(Alert.State.OPEN, 93, "plc-1");
    store.save(alert);
    assertEquals(alert.id(), parse(api.handle("GET", "/" + alert.id(), null, null).json()).getString("alert_id"));
    assertEquals(404, api.handle("GET", "/nope", null, null).status());
    assertEquals(400, api.handle("GET", null, "0", null).status());
    assertEquals(400, api.handle("GET", null, "many", null).status());
    assertEquals(400, api.handle("GET", null, null, "xml").status());
    assertEquals(405, api.handle("POST", null, null, null).status());
    store.failing = true;
    AlertsApi.Response down = api.handle("GET", "/" + alert.id(), null, null);
    assertEquals(200, down.status(), "reads do not fail in this fake");
    assertTrue(parse(api.handle("GET", null, null, "xml").json()).getString("error").contains("ocsf"));
  }
}
