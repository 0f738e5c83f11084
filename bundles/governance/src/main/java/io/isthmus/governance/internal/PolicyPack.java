package io.isthmus.governance.internal;

import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.Decision;
import io.isthmus.governance.internal.CelConditions.Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The policy files of one policy bundle, parsed and compiled.
 *
 * @param bundle the bundle's symbolic name
 * @param version the bundle's version
 * @param rules decision rules
 * @param recommendations which action to propose for an alert
 * @param lists named lists the conditions use as {@code lists.<name>}
 */
record PolicyPack(String bundle, String version, List<Rule> rules, List<Recommendation> recommendations,
    Map<String, List<String>> lists) {

  /**
   * A decision rule.
   *
   * @param source {@code file:line} of the rule
   * @param approvers approvals needed when the outcome is {@code REQUIRE_APPROVAL}
   * @param role role approvers must hold, or {@code null}
   * @param expiry how long an approval request stays open
   */
  record Rule(String id, int priority, Condition when, Decision.Outcome outcome, int approvers,
      @Nullable String role, Duration expiry, String reason, String source) {}

  /**
   * Which action to propose when {@code when} holds for an alert.
   *
   * @param connector connector id to route to, or {@code null} for any that offers the capability
   */
  record Recommendation(String id, int priority, Condition when, ActionKind action, @Nullable String connector,
      Map<String, String> parameters, String source) {}

  PolicyPack {
    rules = List.copyOf(rules);
    recommendations = List.copyOf(recommendations);
    lists = Map.copyOf(lists);
  }
}
