package io.isthmus.governance.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.Decision;
import io.isthmus.api.governance.Decision.Outcome;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.ResponseAction;
import io.isthmus.api.governance.RolloutControl;
import io.isthmus.api.governance.RolloutMode;
import io.isthmus.api.json.JsonWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Turns an alert (or a rollback request) into a governed action: the policy's recommended action,
 * the policy's decision, capped by the rollout mode and the physical-process rule, written to the
 * audit log and then stored with its decision.
 */
final class Governor {

  static final String ACTOR = "isthmus-governance";
  /** Guarded autonomy runs a host or network action by itself only above this confidence ... */
  static final double GUARDED_MIN_SCORE = 0.9;
  /** ... on an asset of at most this criticality (1-5). */
  static final int GUARDED_MAX_CRITICALITY = 3;
  private static final Set<ActionKind> NON_DISRUPTIVE = Set.of(ActionKind.OPEN_TICKET, ActionKind.NOTIFY);
  private static final Set<ActionKind> HOST_OR_NETWORK =
      Set.of(ActionKind.CONTAIN_HOST, ActionKind.RELEASE_HOST, ActionKind.TAG_IP, ActionKind.UNTAG_IP);

  private final PolicyEngine engine;
  private final RolloutControl rollout;
  private final GovernanceStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<List<EdrConnector>> connectors;

  Governor(PolicyEngine engine, RolloutControl rollout, GovernanceStore store, AuditLog audit, Clock clock,
      Supplier<List<EdrConnector>> connectors) {
    this.engine = engine;
    this.rollout = rollout;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.connectors = connectors;
  }

  /** Proposes the action policy recommends for a new alert, decides and records it. */
  GovernedAction propose(Alert alert, @Nullable Asset asset, String tenant) {
    Instant now = now();
    Map<String, Object> vars = PolicyInput.of(alert, asset, tenant, now);
    PolicyEngine.Proposal proposal = engine.recommend(vars);
    Zone zone = PolicyInput.zone(alert, asset);
    EdrConnector connector = Connectors.select(connectors.get(), proposal.kind(), proposal.connector());
    String connectorId = connector != null ? connector.id() : proposal.connector() != null ? proposal.connector() : "none";
    ResponseAction action = new ResponseAction(UUID.randomUUID().toString(), proposal.kind(), alert.device(),
        connectorId, "recommended by " + proposal.policyId() + " for alert " + alert.id() + ": " + alert.summary(),
        ACTOR, now, touchesProcess(proposal.kind(), zone), List.of(alert.id()), proposal.parameters(), null);
    return decideAndRecord(action, alert.id(), zone, tenant, evidence(alert, asset), vars, connector);
  }

  /** Proposes lifting what {@code original} did, as a new governed action requested by {@code user}. */
  GovernedAction proposeRollback(GovernedAction original, String user, String reason, @Nullable Alert alert,
      @Nullable Asset asset) {
    ActionKind reverse = original.action().kind().reverse();
    if (reverse == null || original.state() != ActionState.SUCCEEDED || original.action().reverses() != null) {
      throw new IllegalStateException("action " + original.id() + " (" + original.action().kind() + ", "
          + original.state() + ") has nothing a connector can roll back");
    }
    Instant now = now();
    Map<String, Object> vars = alert != null ? PolicyInput.of(alert, asset, original.tenant(), now)
        : PolicyInput.of(placeholder(original, now), asset, original.tenant(), now);
    EdrConnector connector = Connectors.select(connectors.get(), reverse, original.action().connectorId());
    ResponseAction action = new ResponseAction(UUID.randomUUID().toString(), reverse, original.action().target(),
        original.action().connectorId(), "rollback of " + original.id() + ": " + reason, user, now,
        touchesProcess(reverse, original.zone()), List.of(original.alertId(), original.id()),
        original.action().parameters(), original.id());
    return decideAndRecord(action, original.alertId(), original.zone(), original.tenant(),
        "Rollback of " + original.action().kind() + " on " + original.action().target() + ".\n" + original.evidence(),
        vars, connector);
  }

  private GovernedAction decideAndRecord(ResponseAction action, String alertId, Zone zone, String tenant,
      String evidence, Map<String, Object> base, @Nullable EdrConnector connector) {
    Map<String, Object> vars = PolicyInput.withAction(base, action, connector);
    PolicyEngine.Verdict v = engine.decide(vars, RolloutModes.isOtProduction(zone)
        || zone == Zone.UNKNOWN && HOST_OR_NETWORK.contains(action.kind()));
    Outcome outcome = v.outcome();
    int approvers = Math.max(1, v.approvers());
    String role = v.role();
    List<String> reasons = new ArrayList<>(List.of(v.reason()));
    if (outcome == Outcome.AUTO_EXECUTE && action.touchesPhysicalProcess()) {
      outcome = Outcome.REQUIRE_APPROVAL;
      reasons.add("it can affect a physical process, so a person approves it");
    }
    RolloutMode mode = rollout.modeFor(zone, tenant);
    if (mode == RolloutMode.ASSIST && (outcome == Outcome.AUTO_EXECUTE || outcome == Outcome.REQUIRE_APPROVAL)) {
      outcome = Outcome.NOTIFY_ONLY;
      reasons.add("rollout mode ASSIST for " + zone + "/" + tenant + ": recommendation only");
    } else if (outcome == Outcome.AUTO_EXECUTE && (mode == RolloutMode.APPROVAL || !lowRisk(action, zone, vars))) {
      outcome = Outcome.REQUIRE_APPROVAL;
      reasons.add("rollout mode " + mode + " for " + zone + "/" + tenant + " holds it for approval");
    }
    Instant now = action.requestedAt();
    Decision decision = new Decision(action.id(), outcome, v.policyId(), v.policyVersion(),
        outcome == Outcome.REQUIRE_APPROVAL ? approvers : 0, String.join("; ", reasons), now);
    ActionState state = switch (outcome) {
      case AUTO_EXECUTE -> ActionState.APPROVED;
      case REQUIRE_APPROVAL -> ActionState.PENDING_APPROVAL;
      case NOTIFY_ONLY -> ActionState.NOTIFIED;
      case DENY -> ActionState.DENIED;
    };
    Instant expires = state == ActionState.PENDING_APPROVAL ? now.plus(v.outcome() == Outcome.REQUIRE_APPROVAL
        ? v.expiry() : PolicyFileParser.DEFAULT_EXPIRY) : null;
    GovernedAction governed = new GovernedAction(action, alertId, tenant, zone, clip(evidence, 8000), state, decision,
        state == ActionState.PENDING_APPROVAL ? role : null, expires, List.of(), 0, null, List.of());
    audit.append("decision", action.id(), ACTOR, action.reverses() == null ? List.of(alertId)
        : List.of(alertId, action.reverses()), JsonWriter.toJson(AuditPayloads.decision(governed, mode)));
    return store.propose(governed);
  }

  private static boolean lowRisk(ResponseAction action, Zone zone, Map<String, Object> vars) {
    if (NON_DISRUPTIVE.contains(action.kind())) {
      return true;
    }
    Map<?, ?> finding = (Map<?, ?>) vars.get("finding");
    Map<?, ?> asset = (Map<?, ?>) vars.get("asset");
    return zone == Zone.IT && !action.touchesPhysicalProcess()
        && ((Number) finding.get("score")).doubleValue() >= GUARDED_MIN_SCORE
        && ((Number) asset.get("criticality")).intValue() <= GUARDED_MAX_CRITICALITY;
  }

  static boolean touchesProcess(ActionKind kind, Zone zone) {
    return HOST_OR_NETWORK.contains(kind) && RolloutModes.isOtProduction(zone);
  }

  private static String evidence(Alert alert, @Nullable Asset asset) {
    Map<String, Object> lines = new LinkedHashMap<>();
    lines.put("Summary", alert.summary());
    lines.put("Recommended", alert.recommendedAction());
    lines.put("Severity", alert.severity() + " (" + alert.severityScore() + "), anomaly score " + alert.anomalyScore()
        + ", " + alert.count() + " finding(s) from " + String.join(", ", new java.util.TreeSet<>(alert.modelIds())));
    lines.put("Device", alert.device() + (asset == null ? "" : " (asset " + asset.id() + ", " + asset.type()
        + ", criticality " + asset.criticality() + ")") + ", zone " + PolicyInput.zone(alert, asset));
    lines.put("Techniques", alert.techniques().stream().map(t -> t.id() + " " + t.name()).collect(Collectors.joining(", ")));
    lines.put("Indicators", String.join(", ", alert.indicators()));
    lines.put("Evidence", alert.payloadSample());
    return lines.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
  }

  /** An alert standing in for one the alert store no longer has. */
  private static Alert placeholder(GovernedAction original, Instant now) {
    return new Alert(original.alertId(), original.alertId(), original.action().target(), null, original.zone(), 0,
        "unknown", 0, 0.0, List.<Technique>of(), List.of(), Set.of(), 1, now, now, "", "", "", Alert.State.OPEN);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
