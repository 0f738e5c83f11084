package io.isthmus.governance.internal;

import com.google.protobuf.Timestamp;
import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.ResponseAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The variables a policy condition sees (documented in policies/README.md). */
final class PolicyInput {

  private PolicyInput() {}

  /** {@code alert}, {@code finding}, {@code asset}, {@code tenant} and {@code time}, without an action yet. */
  static Map<String, Object> of(Alert alert, @Nullable Asset asset, String tenant, Instant now) {
    Map<String, Object> vars = new HashMap<>();
    List<String> techniques = alert.techniques().stream().map(Technique::id).toList();
    Map<String, Object> a = new HashMap<>();
    a.put("id", alert.id());
    a.put("device", alert.device());
    a.put("assetId", alert.assetId() == null ? "" : alert.assetId());
    a.put("zone", alert.zone().name());
    a.put("criticality", (long) alert.criticality());
    a.put("protocol", alert.protocol());
    a.put("severity", alert.severity().name());
    a.put("severityScore", (long) alert.severityScore());
    a.put("anomalyScore", alert.anomalyScore());
    a.put("techniques", techniques);
    a.put("indicators", alert.indicators());
    a.put("models", List.copyOf(alert.modelIds()));
    a.put("count", alert.count());
    vars.put("alert", a);
    vars.put("finding", Map.of("score", alert.anomalyScore(), "techniques", techniques,
        "indicators", alert.indicators(), "models", List.copyOf(alert.modelIds())));
    Map<String, Object> as = new HashMap<>();
    as.put("id", asset == null ? (alert.assetId() == null ? "" : alert.assetId()) : asset.id());
    as.put("zone", zone(alert, asset).name());
    as.put("criticality", (long) (asset == null || asset.criticality() == 0 ? alert.criticality() : asset.criticality()));
    as.put("risk", (long) (asset == null ? 0 : asset.riskScore()));
    as.put("type", asset == null ? "unknown" : asset.type());
    as.put("site", asset == null || asset.site() == null ? "" : asset.site());
    as.put("known", asset != null);
    vars.put("asset", as);
    vars.put("tenant", tenant);
    vars.put("time", Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build());
    vars.put("action", Map.of());
    vars.put("connector", Map.of("id", "", "vendor", "", "capabilities", List.of()));
    return vars;
  }

  /** The asset's zone when it is placed, else the zone the alert was raised with. */
  static Zone zone(Alert alert, @Nullable Asset asset) {
    return asset == null || asset.zone() == Zone.UNKNOWN ? alert.zone() : asset.zone();
  }

  /** Adds {@code action} and {@code connector}. */
  static Map<String, Object> withAction(Map<String, Object> base, ResponseAction action, @Nullable EdrConnector connector) {
    Map<String, Object> vars = new HashMap<>(base);
    Map<String, Object> a = new HashMap<>();
    a.put("kind", action.kind().name());
    a.put("target", action.target());
    a.put("connector", action.connectorId());
    a.put("touchesPhysicalProcess", action.touchesPhysicalProcess());
    a.put("rollback", action.reverses() != null);
    a.put("parameters", action.parameters());
    vars.put("action", a);
    List<String> capabilities = new ArrayList<>();
    if (connector != null) {
      connector.capabilities().stream().map(ConnectorCapability::name).sorted().forEach(capabilities::add);
    }
    vars.put("connector", Map.of("id", connector == null ? "" : connector.id(),
        "vendor", connector == null ? "" : connector.vendor(), "capabilities", capabilities));
    return vars;
  }
}
