package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.detection.Technique;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An alert as an OCSF 1.3 Detection Finding (class 2004, category 2 Findings). The alert id is
 * {@code finding_info.uid}, so a receiver updates the same finding as counts grow.
 */
final class OcsfFormat {

  static final String SCHEMA_VERSION = "1.3.0";
  static final int CLASS_UID = 2004;
  static final int CATEGORY_UID = 2;

  /** ATT&CK for ICS tactic ids by name. */
  private static final Map<String, String> ICS_TACTICS = Map.ofEntries(
      Map.entry("initial access", "TA0108"), Map.entry("execution", "TA0104"), Map.entry("persistence", "TA0110"),
      Map.entry("privilege escalation", "TA0111"), Map.entry("evasion", "TA0103"), Map.entry("discovery", "TA0102"),
      Map.entry("lateral movement", "TA0109"), Map.entry("collection", "TA0100"),
      Map.entry("command and control", "TA0101"), Map.entry("inhibit response function", "TA0107"),
      Map.entry("impair process control", "TA0106"), Map.entry("impact", "TA0105"));

  private OcsfFormat() {}

  static String render(Alert alert, String productVersion) {
    boolean closed = alert.state() == Alert.State.CLOSED;
    int activity = closed ? 3 : 1;
    long time = alert.lastSeen().toEpochMilli();
    JsonWriter json = new JsonWriter().beginObject()
        .field("class_uid", CLASS_UID).field("class_name", "Detection Finding")
        .field("category_uid", CATEGORY_UID).field("category_name", "Findings")
        .field("activity_id", activity).field("activity_name", closed ? "Close" : "Create")
        .field("type_uid", CLASS_UID * 100L + activity)
        .field("type_name", "Detection Finding: " + (closed ? "Close" : "Create"))
        .field("time", time)
        .field("start_time", alert.firstSeen().toEpochMilli())
        .field("end_time", time)
        .field("count", alert.count())
        .field("severity_id", severityId(alert))
        .field("severity", capitalized(alert.severity().name()))
        .field("status_id", statusId(alert.state()))
        .field("status", status(alert.state()))
        .field("is_alert", alert.state() == Alert.State.OPEN || alert.state() == Alert.State.ACKNOWLEDGED)
        .field("message", AlertText.title(alert.techniques(), alert.indicators()))
        .field("confidence_score", Math.round(alert.anomalyScore() * 100))
        .field("confidence_id", alert.anomalyScore() >= 0.8 ? 3 : alert.anomalyScore() >= 0.5 ? 2 : 1)
        .field("risk_score", alert.severityScore());
    json.name("metadata").beginObject().field("version", SCHEMA_VERSION).field("uid", alert.id())
        .field("correlation_uid", alert.groupKey())
        .name("product").beginObject().field("name", "Isthmus").field("vendor_name", "Isthmus")
        .field("version", productVersion).endObject()
        .endObject();
    findingInfo(json, alert);
    json.name("device").beginObject().field("ip", alert.device()).field("type_id", 7).field("type", "IOT");
    if (alert.assetId() != null) {
      json.field("uid", alert.assetId());
    }
    json.endObject();
    json.name("resources").beginArray().beginObject()
        .field("uid", alert.assetId() == null ? alert.device() : alert.assetId())
        .field("type", "OT device")
        .name("labels").beginArray().value("zone:" + alert.zone().name()).value("criticality:" + alert.criticality())
        .value("protocol:" + alert.protocol()).endArray()
        .endObject().endArray();
    json.name("remediation").beginObject().field("desc", alert.recommendedAction()).endObject();
    json.name("unmapped").beginObject().field("protocol", alert.protocol())
        .field("payload_sample", alert.payloadSample());
    json.name("indicators").beginArray();
    alert.indicators().forEach(json::value);
    json.endArray().endObject();
    return json.endObject().toString();
  }

  private static void findingInfo(JsonWriter json, Alert alert) {
    List<String> models = alert.modelIds().stream().sorted().toList();
    json.name("finding_info").beginObject()
        .field("uid", alert.id())
        .field("title", AlertText.title(alert.techniques(), alert.indicators()))
        .field("desc", alert.summary())
        .field("first_seen_time", alert.firstSeen().toEpochMilli())
        .field("last_seen_time", alert.lastSeen().toEpochMilli())
        .field("related_events_count", alert.count());
    json.name("types").beginArray().value("OT/ICS anomaly").endArray();
    if (!models.isEmpty()) {
      json.name("analytic").beginObject().field("uid", models.get(0)).field("name", String.join(", ", models))
          .field("type_id", analyticType(models)).field("type", analyticTypeName(analyticType(models))).endObject();
    }
    json.name("attacks").beginArray();
    for (Technique t : alert.techniques()) {
      json.beginObject()
          .name("technique").beginObject().field("uid", t.id()).field("name", t.name()).endObject()
          .name("tactic").beginObject().field("uid", ICS_TACTICS.getOrDefault(t.tactic().toLowerCase(Locale.ROOT), ""))
          .field("name", t.tactic()).endObject()
          .endObject();
    }
    json.endArray().endObject();
  }

  /** OCSF severity_id: 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical. */
  static int severityId(Alert alert) {
    return switch (alert.severity()) {
      case INFORMATIONAL -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  /** OCSF finding status_id: 1 New, 2 In Progress, 3 Suppressed, 4 Resolved. */
  static int statusId(Alert.State state) {
    return switch (state) {
      case OPEN -> 1;
      case ACKNOWLEDGED -> 2;
      case SUPPRESSED -> 3;
      case CLOSED -> 4;
    };
  }

  private static String status(Alert.State state) {
    return switch (state) {
      case OPEN -> "New";
      case ACKNOWLEDGED -> "In Progress";
      case SUPPRESSED -> "Suppressed";
      case CLOSED -> "Resolved";
    };
  }

  /** OCSF analytic type_id: 1 Rule, 3 Statistical, 4 Learning; by what the first model is. */
  static int analyticType(List<String> models) {
    String first = models.get(0).toLowerCase(Locale.ROOT);
    if (first.contains("semantic") || first.contains("rule")) {
      return 1;
    }
    return first.contains("forest") || first.contains("sequence") || first.contains("learn") ? 4 : 3;
  }

  private static String analyticTypeName(int typeId) {
    return switch (typeId) {
      case 1 -> "Rule";
      case 4 -> "Learning (ML/DL)";
      default -> "Statistical";
    };
  }

  private static String capitalized(String name) {
    return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
  }
}
