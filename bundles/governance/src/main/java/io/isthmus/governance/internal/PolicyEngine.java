package io.isthmus.governance.internal;

import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of every policy pack in force, first match by priority (highest first; ties by pack
 * name, then file order). Packs are swapped in whole: a decision sees one consistent set.
 */
final class PolicyEngine {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);

  /** What policy says about an action, before rollout modes and safety caps. */
  record Verdict(Decision.Outcome outcome, String policyId, String policyVersion, int approvers,
      @Nullable String role, Duration expiry, String reason) {}

  /** Which action to propose for an alert. */
  record Proposal(ActionKind kind, @Nullable String connector, Map<String, String> parameters, String policyId,
      String policyVersion) {}

  static final String BUILTIN = "builtin";

  private record Entry<T>(PolicyPack pack, T item, int priority, int order) {}

  private record Snapshot(List<Entry<PolicyPack.Rule>> rules, List<Entry<PolicyPack.Recommendation>> recommendations) {}

  private final Map<String, PolicyPack> packs = new LinkedHashMap<>();
  private volatile Snapshot snapshot = new Snapshot(List.of(), List.of());
  private final AtomicLong evaluationErrors = new AtomicLong();

  /** Puts a pack in force, replacing the one of the same bundle. */
  synchronized void install(PolicyPack pack) {
    packs.put(pack.bundle(), pack);
    rebuild();
  }

  synchronized void remove(String bundle) {
    if (packs.remove(bundle) != null) {
      rebuild();
    }
  }

  synchronized @Nullable PolicyPack pack(String bundle) {
    return packs.get(bundle);
  }

  long evaluationErrors() {
    return evaluationErrors.get();
  }

  private void rebuild() {
    List<Entry<PolicyPack.Rule>> rules = new ArrayList<>();
    List<Entry<PolicyPack.Recommendation>> recommendations = new ArrayList<>();
    for (PolicyPack p : packs.values()) {
      for (int i = 0; i < p.rules().size(); i++) {
        rules.add(new Entry<>(p, p.rules().get(i), p.rules().get(i).priority(), i));
      }
      for (int i = 0; i < p.recommendations().size(); i++) {
        recommendations.add(new Entry<>(p, p.recommendations().get(i), p.recommendations().get(i).priority(), i));
      }
    }
    Comparator<Entry<?>> order = Comparator.<Entry<?>>comparingInt(e -> -e.priority())
        .thenComparing(e -> e.pack().bundle()).thenComparingInt(Entry::order);
    rules.sort(order);
    recommendations.sort(order);
    snapshot = new Snapshot(List.copyOf(rules), List.copyOf(recommendations));
  }

  /** The action the first matching recommendation names; {@code NOTIFY} if none matches. */
  Proposal recommend(Map<String, Object> variables) {
    Map<String, Object> vars = new HashMap<>(variables);
    for (Entry<PolicyPack.Recommendation> e : snapshot.recommendations()) {
      PolicyPack.Recommendation r = e.item();
      if (matches(e.pack(), r.id(), r.when(), vars)) {
        return new Proposal(r.action(), r.connector(), r.parameters(), e.pack().bundle() + "/" + r.id(), e.pack().version());
      }
    }
    return new Proposal(ActionKind.NOTIFY, null, Map.of(), BUILTIN + "/notify", BUILTIN);
  }

  /**
   * The first matching rule's verdict. With none: {@code REQUIRE_APPROVAL} when the action touches an
   * OT zone (the built-in fallback), else {@code NOTIFY_ONLY}.
   */
  Verdict decide(Map<String, Object> variables, boolean touchesOtZone) {
    Map<String, Object> vars = new HashMap<>(variables);
    for (Entry<PolicyPack.Rule> e : snapshot.rules()) {
      PolicyPack.Rule r = e.item();
      if (matches(e.pack(), r.id(), r.when(), vars)) {
        return new Verdict(r.outcome(), e.pack().bundle() + "/" + r.id(), e.pack().version(), r.approvers(), r.role(),
            r.expiry(), r.reason());
      }
    }
    if (touchesOtZone) {
      return new Verdict(Decision.Outcome.REQUIRE_APPROVAL, BUILTIN + "/ot-zone", BUILTIN, 1, null,
          PolicyFileParser.DEFAULT_EXPIRY, "no policy rule matched and the action touches an OT zone");
    }
    return new Verdict(Decision.Outcome.NOTIFY_ONLY, BUILTIN + "/no-match", BUILTIN, 0, null, Duration.ZERO,
        "no policy rule matched");
  }

  private boolean matches(PolicyPack pack, String id, CelConditions.Condition when, Map<String, Object> vars) {
    vars.put("lists", pack.lists());
    try {
      return when.test(vars);
    } catch (Exception e) {
      // A condition that cannot be evaluated for this input (missing key, wrong type) does not match.
      if (evaluationErrors.incrementAndGet() <= 20) {
        LOG.warn("policy {}/{}: condition could not be evaluated, treated as not matching: {}", pack.bundle(), id,
            e.getMessage());
      }
      return false;
    }
  }
}
