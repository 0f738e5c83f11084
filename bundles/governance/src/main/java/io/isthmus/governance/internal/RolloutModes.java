package io.isthmus.governance.internal;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.RolloutControl;
import io.isthmus.api.governance.RolloutMode;
import io.isthmus.api.governance.RolloutSetting;
import io.isthmus.api.json.JsonWriter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rollout modes kept in the store and cached here. Without a setting, IT and the DMZ run in
 * guarded autonomy and every other zone (OT and not yet placed) in approval mode; tenants add no
 * limit until one is set.
 */
final class RolloutModes implements RolloutControl {

  private final GovernanceStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Map<String, RolloutSetting> settings = new ConcurrentHashMap<>();

  RolloutModes(GovernanceStore store, AuditLog audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    store.rolloutSettings().forEach(s -> settings.put(s.scope(), s));
  }

  static boolean isOtProduction(Zone zone) {
    return zone == Zone.OT_CONTROL || zone == Zone.OT_SUPERVISORY;
  }

  static RolloutMode defaultMode(Zone zone) {
    return zone == Zone.IT || zone == Zone.DMZ ? RolloutMode.GUARDED_AUTONOMY : RolloutMode.APPROVAL;
  }

  @Override
  public RolloutMode modeFor(Zone zone, String tenant) {
    RolloutSetting z = settings.get("zone:" + zone.name());
    RolloutMode mode = z == null ? defaultMode(zone) : z.mode();
    if (isOtProduction(zone) && mode.compareTo(RolloutMode.APPROVAL) > 0 && (z == null || !z.override())) {
      mode = RolloutMode.APPROVAL;
    }
    RolloutSetting t = settings.get("tenant:" + tenant);
    return t == null ? mode : mode.atMost(t.mode());
  }

  @Override
  public List<RolloutSetting> settings() {
    return new ArrayList<>(new java.util.TreeMap<>(settings).values());
  }

  @Override
  public synchronized RolloutSetting set(String scope, RolloutMode mode, boolean override, String actor, String reason) {
    if (actor.isBlank() || reason.isBlank()) {
      throw new IllegalArgumentException("a rollout change needs who makes it and why");
    }
    if (scope.startsWith("zone:")) {
      Zone zone;
      try {
        zone = Zone.valueOf(scope.substring(5));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("no such zone: " + scope.substring(5));
      }
      if (isOtProduction(zone) && mode.compareTo(RolloutMode.APPROVAL) > 0 && !override) {
        throw new IllegalArgumentException(zone + " is an OT production zone: it cannot go past APPROVAL"
            + " without an explicit override");
      }
    } else if (!scope.startsWith("tenant:") || scope.length() == 7) {
      throw new IllegalArgumentException("scope must be zone:<zone> or tenant:<id>: " + scope);
    }
    RolloutSetting setting = new RolloutSetting(scope, mode, override, actor, reason,
        clock.instant().truncatedTo(ChronoUnit.MICROS));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("scope", scope);
    payload.put("mode", mode.name());
    payload.put("override", override);
    payload.put("reason", reason);
    RolloutSetting previous = settings.get(scope);
    payload.put("previous", previous == null ? null : previous.mode().name());
    // Audited before it takes effect: a change the log cannot record is not made.
    audit.append(override ? "override" : "policy", scope, actor, List.of(), JsonWriter.toJson(payload));
    store.saveRollout(setting);
    settings.put(scope, setting);
    return setting;
  }
}
