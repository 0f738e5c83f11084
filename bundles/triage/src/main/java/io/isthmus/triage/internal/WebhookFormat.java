package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.json.JsonWriter;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The simple JSON event our webhook sends for an alert. */
final class WebhookFormat {

  static final String EVENT_TYPE = "isthmus.alert";

  private WebhookFormat() {}

  static String render(Alert alert) {
    JsonWriter json = new JsonWriter().beginObject()
        .name("event_type").value(EVENT_TYPE)
        .name("timestamp").value(alert.lastSeen().toString())
        .name("device_id").value(alert.assetId() == null ? alert.device() : alert.assetId())
        .name("protocol").value(alert.protocol())
        .name("anomaly_score").value(fourDecimals(alert.anomalyScore()));
    json.name("indicators").beginArray();
    alert.indicators().forEach(json::value);
    json.endArray();
    json.name("raw_payload_sample").value(alert.payloadSample())
        .name("recommended_action").value(alert.recommendedAction())
        .name("alert_id").value(alert.id())
        .name("state").value(alert.state().name().toLowerCase(Locale.ROOT))
        .name("severity").value(alert.severity().name().toLowerCase(Locale.ROOT))
        .name("severity_score").value(alert.severityScore())
        .name("device_ip").value(alert.device())
        .name("zone").value(alert.zone().name())
        .name("criticality").value(alert.criticality())
        .name("count").value(alert.count())
        .name("first_seen").value(alert.firstSeen().toString())
        .name("last_seen").value(alert.lastSeen().toString());
    json.name("techniques").beginArray();
    for (Technique t : alert.techniques()) {
      json.beginObject().name("id").value(t.id()).name("name").value(t.name()).name("tactic").value(t.tactic())
          .endObject();
    }
    json.endArray();
    json.name("models").beginArray();
    alert.modelIds().stream().sorted().forEach(json::value);
    json.endArray();
    return json.name("summary").value(alert.summary()).endObject().toString();
  }

  /** Up to four decimals, no trailing zeros: a score reads 0.93, not 0.9300000000000001; NaN and infinity null. */
  static @Nullable BigDecimal fourDecimals(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    return new BigDecimal(String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0"));
  }
}
