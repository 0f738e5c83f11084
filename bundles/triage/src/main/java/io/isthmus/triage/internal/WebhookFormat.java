package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.detection.Technique;
import java.util.Locale;

/** The simple JSON event our webhook sends for an alert. */
final class WebhookFormat {

  static final String EVENT_TYPE = "isthmus.alert";

  private WebhookFormat() {}

  static String render(Alert alert) {
    JsonWriter json = new JsonWriter().beginObject()
        .field("event_type", EVENT_TYPE)
        .field("timestamp", alert.lastSeen().toString())
        .field("device_id", alert.assetId() == null ? alert.device() : alert.assetId())
        .field("protocol", alert.protocol())
        .field("anomaly_score", alert.anomalyScore());
    json.name("indicators").beginArray();
    alert.indicators().forEach(json::value);
    json.endArray();
    json.field("raw_payload_sample", alert.payloadSample())
        .field("recommended_action", alert.recommendedAction())
        .field("alert_id", alert.id())
        .field("state", alert.state().name().toLowerCase(Locale.ROOT))
        .field("severity", alert.severity().name().toLowerCase(Locale.ROOT))
        .field("severity_score", alert.severityScore())
        .field("device_ip", alert.device())
        .field("zone", alert.zone().name())
        .field("criticality", alert.criticality())
        .field("count", alert.count())
        .field("first_seen", alert.firstSeen().toString())
        .field("last_seen", alert.lastSeen().toString());
    json.name("techniques").beginArray();
    for (Technique t : alert.techniques()) {
      json.beginObject().field("id", t.id()).field("name", t.name()).field("tactic", t.tactic()).endObject();
    }
    json.endArray();
    json.name("models").beginArray();
    alert.modelIds().stream().sorted().forEach(json::value);
    json.endArray();
    return json.field("summary", alert.summary()).endObject().toString();
  }
}
