package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.json.JsonWriter;
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
        .name("class_uid").value(CLASS_UID).name("class_name").value("Detection Finding")
        .name("category_uid").value(CATEGORY_UID).name("category_name").value("Findings")
        .name("activity_id").value(activity).name("activity_name").value(closed ? "Close" : "Create")
        .name("type_uid").value(CLASS_UID * 100L + activity)
        .name("type_name").value("Detection Finding: " + (closed ? "Close" : "Create"))
        .name("time").value(time)
        .name("start_time").value(alert.firstSeen().toEpochMilli())
        .name("end_time").value(time)
        .name("count").value(alert.count())
        .name("severity_id").value(severityId(alert))
        .name("severity").value(capitalized(alert.severity().name()))
        .name("status_id").value(statusId(alert.state()))
        .name("status").value(status(alert.state()))
        .name("is_alert").value(alert.state() == Alert.State.OPEN || alert.state() == Alert.State.ACKNOWLEDGED)
        .name("message").value(AlertText.title(alert.techniques(), alert.indicators()))
        .name("confidence_score").value(Math.round(alert.anomalyScore() * 100))
        .name("confidence_id").value(alert.anomalyScore() >= 0.8 ? 3 : alert.anomalyScore() >= 0.5 ? 2 : 1)
        .name("risk_score").value(alert.severityScore());
    json.name("metadata").beginObject().name("version").value(SCHEMA_VERSION).name("uid").value(alert.id())
        .name("correlation_uid").value(alert.groupKey())
        .name("product").beginObject().name("name").value("Isthmus").name("vendor_name").value("Isthmus")
        .name("version").value(productVersion).endObject()
        .endObject();
    findingInfo(json, alert);
    json.name("device").beginObject().name("ip").value(alert.device()).name("type_id").value(7)
        .name("type").value("IOT");
    if (alert.assetId() != null) {
      json.name("uid").value(alert.assetId());
    }
    json.endObject();
    json.name("resources").beginArray().beginObject()
        .name("uid").value(alert.assetId() == null ? alert.device() : alert.assetId())
        .name("type").value("OT device")
        .name("labels").beginArray().value("zone:" + alert.zone().name()).value("criticality:" + alert.criticality())
        .value("protocol:" + alert.protocol()).endArray()
        .endObject().endArray();
    json.name("remediation").beginObject().name("desc").value(alert.recommendedAction()).endObject();
    json.name("unmapped").beginObject().name("protocol").value(alert.protocol())
        .name("payload_sample").value(alert.payloadSample());
    json.name("indicators").beginArray();
    alert.indicators().forEach(json::value);
    json.endArray().endObject();
    return json.endObject().toString();
  }

  private static void findingInfo(JsonWriter json, Alert alert) {
    List<String> models = alert.modelIds().stream().sorted().toList();
    json.name("finding_info").beginObject()
        .name("uid").value(alert.id())
        .name("title").value(AlertText.title(alert.techniques(), alert.indicators()))
        .name("desc").value(alert.summary())
        .name("first_seen_time").value(alert.firstSeen().toEpochMilli())
        .name("last_seen_time").value(alert.lastSeen().toEpochMilli())
        .name("related_events_count").value(alert.count());
    json.name("types").beginArray().value("OT/ICS anomaly").endArray();
    if (!models.isEmpty()) {
      json.name("analytic").beginObject().name("uid").value(models.get(0)).name("name").value(String.join(", ", models))
          .name("type_id").value(analyticType(models)).name("type").value(analyticTypeName(analyticType(models)))
          .endObject();
    }
    json.name("attacks").beginArray();
    for (Technique t : alert.techniques()) {
      json.beginObject()
          .name("technique").beginObject().name("uid").value(t.id()).name("name").value(t.name()).endObject()
          .name("tactic").beginObject()
          .name("uid").value(ICS_TACTICS.getOrDefault(t.tactic().toLowerCase(Locale.ROOT), ""))
          .name("name").value(t.tactic()).endObject()
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
