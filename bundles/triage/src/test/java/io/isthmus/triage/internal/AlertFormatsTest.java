package io.isthmus.triage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The renderings, parsed back. OCSF facts, from the schema sources:
 * <ul>
 *   <li>https://github.com/ocsf/ocsf-schema/blob/main/events/findings/detection_finding.json —
 *       class Detection Finding, uid 4 in category findings (2), so class_uid 2004; extends finding.</li>
 *   <li>https://github.com/ocsf/ocsf-schema/blob/main/events/findings/finding.json — finding_info
 *       required; activity_id 1 Create, 2 Update, 3 Close; status_id 1 New, 2 In Progress, 3 Suppressed, 4 Resolved.</li>
 *   <li>https://github.com/ocsf/ocsf-schema/blob/main/objects/finding_info.json — uid required, title and
 *       analytic recommended, attacks optional.</li>
 *   <li>https://schema.ocsf.io/1.3.0/classes/detection_finding — base attributes required in 1.x:
 *       activity_id, category_uid, class_uid, type_uid (class_uid × 100 + activity_id), time (ms since
 *       the epoch), severity_id (1 Informational … 5 Critical), metadata with product and version.</li>
 *   <li>https://schema.ocsf.io/1.3.0/objects/device — type_id 7 is IOT.</li>
 * </ul>
 */
class AlertFormatsTest {

  static final Instant FIRST = Instant.parse("2026-03-01T10:00:00Z");
  static final Instant LAST = Instant.parse("2026-03-01T10:12:30.250Z");

  final AlertFormatsComponent formats = new AlertFormatsComponent("0.1.0");

  static Alert alert(Alert.State state, int severity, String assetId) {
    return new Alert("0b6c0a4e-1f0e-4a59-9d59-3c7f1a6f9c11", "10.0.0.5|T0843|semantics", "10.0.0.5", assetId,
        Zone.OT_CONTROL, 5, "modbus", severity, 0.93,
        List.of(new Technique("T0843", "Program Download", "Lateral Movement"),
            new Technique("T0836", "Modify Parameter", "Impair Process Control")),
        List.of("program_download", "new_writer:10.0.0.9"), Set.of("semantics"), 37, FIRST, LAST,
        "Program Download (T0843) on PLC plc-1 at 10.0.0.5 \"quoted\".\nWhy it matters: ...",
        "Confirm with engineering.", "WRITE_MULTIPLE_REGISTERS address=0 quantity=16", state);
  }

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void webhookEventHasTheAgreedFields() {
    JsonObject event = parse(formats.webhookJson(alert(Alert.State.OPEN, 93, "plc-1")));
    assertEquals("isthmus.alert", event.getString("event_type"));
    assertEquals("2026-03-01T10:12:30.250Z", event.getString("timestamp"));
    assertEquals("plc-1", event.getString("device_id"));
    assertEquals("modbus", event.getString("protocol"));
    assertEquals(0.93, event.getJsonNumber("anomaly_score").doubleValue());
    assertEquals(List.of("program_download", "new_writer:10.0.0.9"),
        event.getJsonArray("indicators").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("WRITE_MULTIPLE_REGISTERS address=0 quantity=16", event.getString("raw_payload_sample"));
    assertEquals("Confirm with engineering.", event.getString("recommended_action"));
    assertEquals(37, event.getInt("count"));
    assertEquals("critical", event.getString("severity"));
    assertTrue(event.getString("summary").contains("\"quoted\".\nWhy"), "escaped and read back");
    assertEquals("10.0.0.5", parse(formats.webhookJson(alert(Alert.State.OPEN, 93, null))).getString("device_id"),
        "without an asset the device id is its address");
  }

  @Test
  void webhookTextIsTheSameByteForByteAsBeforeTheSharedWriter() {
    // Written by triage's own JSON writer before it used the API's; receivers may compare or hash it.
    assertEquals("{\"event_type\":\"isthmus.alert\",\"timestamp\":\"2026-03-01T10:12:30.250Z\",\"device_id\":\"plc-1\","
        + "\"protocol\":\"modbus\",\"anomaly_score\":0.93,\"indicators\":[\"program_download\",\"new_writer:10.0.0.9\"],"
        + "\"raw_payload_sample\":\"WRITE_MULTIPLE_REGISTERS address=0 quantity=16\","
        + "\"recommended_action\":\"Confirm with engineering.\",\"alert_id\":\"0b6c0a4e-1f0e-4a59-9d59-3c7f1a6f9c11\","
        + "\"state\":\"open\",\"severity\":\"critical\",\"severity_score\":93,\"device_ip\":\"10.0.0.5\","
        + "\"zone\":\"OT_CONTROL\",\"criticality\":5,\"count\":37,\"first_seen\":\"2026-03-01T10:00:00Z\","
        + "\"last_seen\":\"2026-03-01T10:12:30.250Z\",\"techniques\":[{\"id\":\"T0843\",\"name\":\"Program Download\","
        + "\"tactic\":\"Lateral Movement\"},{\"id\":\"T0836\",\"name\":\"Modify Parameter\","
        + "\"tactic\":\"Impair Process Control\"}],\"models\":[\"semantics\"],"
        + "\"summary\":\"Program Download (T0843) on PLC plc-1 at 10.0.0.5 \\\"quoted\\\".\\nWhy it matters: ...\"}",
        formats.webhookJson(alert(Alert.State.OPEN, 93, "plc-1")));
  }

  @Test
  void scoresHaveAtMostFourDecimalsAndNoTrailingZeros() {
    assertEquals("0.93", WebhookFormat.fourDecimals(0.9300000000000001).toString());
    assertEquals("1.0", WebhookFormat.fourDecimals(1.0).toString());
    assertEquals("0.0", WebhookFormat.fourDecimals(0.0).toString());
    assertEquals("0.1235", WebhookFormat.fourDecimals(0.12345).toString());
    assertEquals("1.0", WebhookFormat.fourDecimals(0.99995).toString());
    assertEquals(null, WebhookFormat.fourDecimals(Double.NaN));
  }

  @Test
  void ocsfDetectionFindingHasEveryRequiredAttribute() {
    JsonObject finding = parse(formats.ocsfJson(alert(Alert.State.OPEN, 93, "plc-1")));
    for (String required : List.of("activity_id", "category_uid", "class_uid", "type_uid", "time", "severity_id",
        "metadata", "finding_info")) {
      assertTrue(finding.containsKey(required), "required attribute " + required);
    }
    assertEquals(2004, finding.getInt("class_uid"));
    assertEquals(2, finding.getInt("category_uid"));
    assertEquals(1, finding.getInt("activity_id"));
    assertEquals(2004 * 100 + 1, finding.getInt("type_uid"));
    assertEquals(LAST.toEpochMilli(), finding.getJsonNumber("time").longValue());
    assertEquals(FIRST.toEpochMilli(), finding.getJsonNumber("start_time").longValue());
    assertEquals(5, finding.getInt("severity_id"), "severity 93 is critical");
    assertEquals(1, finding.getInt("status_id"), "open is New");
    assertTrue(finding.getBoolean("is_alert"));

    JsonObject metadata = finding.getJsonObject("metadata");
    assertEquals("1.3.0", metadata.getString("version"));
    assertEquals("Isthmus", metadata.getJsonObject("product").getString("name"));
    assertEquals("0.1.0", metadata.getJsonObject("product").getString("version"));

    JsonObject info = finding.getJsonObject("finding_info");
    assertEquals("0b6c0a4e-1f0e-4a59-9d59-3c7f1a6f9c11", info.getString("uid"));
    assertEquals("Program Download (T0843), Modify Parameter (T0836)", info.getString("title"));
    assertTrue(info.getString("desc").startsWith("Program Download (T0843) on PLC"));
    assertEquals(1, info.getJsonObject("analytic").getInt("type_id"), "the semantics model is a rule");
    JsonObject attack = info.getJsonArray("attacks").getJsonObject(0);
    assertEquals("T0843", attack.getJsonObject("technique").getString("uid"));
    assertEquals("Program Download", attack.getJsonObject("technique").getString("name"));
    assertEquals("TA0109", attack.getJsonObject("tactic").getString("uid"));
    assertEquals("Lateral Movement", attack.getJsonObject("tactic").getString("name"));
    assertEquals("TA0106", info.getJsonArray("attacks").getJsonObject(1).getJsonObject("tactic").getString("uid"));

    assertEquals(7, finding.getJsonObject("device").getInt("type_id"));
    assertEquals("10.0.0.5", finding.getJsonObject("device").getString("ip"));
    assertEquals("plc-1", finding.getJsonArray("resources").getJsonObject(0).getString("uid"));
    assertEquals(JsonValue.ValueType.STRING, finding.getJsonObject("remediation").get("desc").getValueType());
  }

  @Test
  void severityBandsMapToOcsfSeverityIds() {
    int[][] scoreToId = {{0, 1}, {19, 1}, {20, 2}, {39, 2}, {40, 3}, {59, 3}, {60, 4}, {79, 4}, {80, 5}, {100, 5}};
    for (int[] pair : scoreToId) {
      assertEquals(pair[1], parse(formats.ocsfJson(alert(Alert.State.OPEN, pair[0], "plc-1"))).getInt("severity_id"),
          "severity score " + pair[0]);
    }
  }

  @Test
  void closedAndSuppressedAlertsAreNotAlertableSignals() {
    JsonObject closed = parse(formats.ocsfJson(alert(Alert.State.CLOSED, 50, "plc-1")));
    assertEquals(3, closed.getInt("activity_id"));
    assertEquals(200403, closed.getInt("type_uid"));
    assertEquals(4, closed.getInt("status_id"));
    assertFalse(closed.getBoolean("is_alert"));
    JsonObject suppressed = parse(formats.ocsfJson(alert(Alert.State.SUPPRESSED, 50, "plc-1")));
    assertEquals(3, suppressed.getInt("status_id"));
    assertFalse(suppressed.getBoolean("is_alert"));
  }
}
