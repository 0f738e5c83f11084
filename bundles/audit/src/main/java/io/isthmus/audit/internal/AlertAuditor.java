package io.isthmus.audit.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertListener;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.json.JsonWriter;
import io.isthmus.api.store.StoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends an {@code alert} record, with the OT anomaly behind it (models, score, indicators,
 * techniques, evidence sample), when triage raises an alert and when its severity band or state
 * changes; a mere count or last-seen update is not recorded. Synchronous, so the alert is in the chain
 * before anything decided about it; ranked high, so it is told before governance when listeners are
 * called in ranking order.
 */
@Component(property = "service.ranking:Integer=1000")
public final class AlertAuditor implements AlertListener {

  static final String TYPE = "alert";
  private static final int REMEMBERED = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(AlertAuditor.class);

  private final AuditLog log;
  private final AtomicLong failed = new AtomicLong();
  // Alert id -> the severity band and state last recorded; bounded, least recently used out.
  private final Map<String, String> recorded = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > REMEMBERED;
    }
  };

  @Activate
  public AlertAuditor(@Reference AuditLog log) {
    this.log = log;
  }

  @Override
  public void onAlert(Alert alert, boolean raised) {
    String mark = alert.severity() + "/" + alert.state();
    synchronized (recorded) {
      if (!raised && mark.equals(recorded.get(alert.id()))) {
        return;
      }
      recorded.put(alert.id(), mark);
    }
    try {
      log.append(TYPE, alert.id(), "triage", List.of(), payload(alert, raised));
    } catch (StoreException e) {
      synchronized (recorded) {
        recorded.remove(alert.id());
      }
      String id = alert.id().length() > 80 ? alert.id().substring(0, 80) + "..." : alert.id();
      LOG.error("audit: alert {} not recorded ({} failed so far): {}", id, failed.incrementAndGet(), e.getMessage());
    }
  }

  /** The record's payload; the audit log stores it in canonical form (keys sorted). */
  static String payload(Alert alert, boolean raised) {
    JsonWriter json = new JsonWriter().beginObject().name("event").value(raised ? "raised" : "updated");
    json.name("alert").beginObject()
        .name("id").value(alert.id())
        .name("groupKey").value(alert.groupKey())
        .name("assetId").value(alert.assetId())
        .name("zone").value(alert.zone().name())
        .name("criticality").value(alert.criticality())
        .name("severity").value(alert.severity().name())
        .name("severityScore").value(alert.severityScore())
        .name("state").value(alert.state().name())
        .name("count").value(alert.count())
        .name("firstSeen").value(alert.firstSeen().toString())
        .name("lastSeen").value(alert.lastSeen().toString())
        .name("summary").value(alert.summary())
        .name("recommendedAction").value(alert.recommendedAction())
        .endObject();
    json.name("anomaly").beginObject()
        .name("models").write(new TreeSet<>(alert.modelIds()))
        .name("score").value(alert.anomalyScore())
        .name("indicators").write(alert.indicators())
        .name("techniques").beginArray();
    for (Technique t : alert.techniques()) {
      json.beginObject().name("id").value(t.id()).name("name").value(t.name()).name("tactic").value(t.tactic())
          .endObject();
    }
    return json.endArray()
        .name("evidenceSample").value(alert.payloadSample())
        .name("device").value(alert.device())
        .name("protocol").value(alert.protocol())
        .endObject()
        .endObject().toString();
  }
}
