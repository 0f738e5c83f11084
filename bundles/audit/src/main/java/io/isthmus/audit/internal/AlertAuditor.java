package io.isthmus.audit.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertListener;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.AuditLog;
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
      log.append(TYPE, alert.id(), "triage", List.of(), payload(alert, raised).toString());
    } catch (StoreException e) {
      synchronized (recorded) {
        recorded.remove(alert.id());
      }
      String id = alert.id().length() > 80 ? alert.id().substring(0, 80) + "..." : alert.id();
      LOG.error("audit: alert {} not recorded ({} failed so far): {}", id, failed.incrementAndGet(), e.getMessage());
    }
  }

  static JsonObject payload(Alert alert, boolean raised) {
    JsonObject anomaly = new JsonObject()
        .putStrings("models", new TreeSet<>(alert.modelIds()))
        .put("score", alert.anomalyScore())
        .putStrings("indicators", alert.indicators())
        .putObjects("techniques", alert.techniques().stream().map(AlertAuditor::technique).toList())
        .put("evidenceSample", alert.payloadSample())
        .put("device", alert.device())
        .put("protocol", alert.protocol());
    JsonObject about = new JsonObject()
        .put("id", alert.id())
        .put("groupKey", alert.groupKey())
        .put("assetId", alert.assetId())
        .put("zone", alert.zone().name())
        .put("criticality", alert.criticality())
        .put("severity", alert.severity().name())
        .put("severityScore", alert.severityScore())
        .put("state", alert.state().name())
        .put("count", alert.count())
        .put("firstSeen", alert.firstSeen().toString())
        .put("lastSeen", alert.lastSeen().toString())
        .put("summary", alert.summary())
        .put("recommendedAction", alert.recommendedAction());
    return new JsonObject().put("event", raised ? "raised" : "updated").put("alert", about).put("anomaly", anomaly);
  }

  private static JsonObject technique(Technique technique) {
    return new JsonObject().put("id", technique.id()).put("name", technique.name()).put("tactic", technique.tactic());
  }
}
