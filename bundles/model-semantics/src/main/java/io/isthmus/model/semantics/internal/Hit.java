package io.isthmus.model.semantics.internal;

import io.isthmus.api.detection.Technique;
import java.util.List;

/**
 * What a rule says about one event, before rate limiting turns it into a finding.
 *
 * @param rule stable rule id, also the rate-limiting key and the first indicator
 * @param score anomaly score in [0, 1]
 * @param indicators machine-readable indicators beyond the rule id
 * @param techniques ATT&CK for ICS techniques the behaviour matches
 * @param action what the peer did, completing "&lt;peer&gt; ... &lt;device&gt;"
 * @param consequence why it matters, in words an analyst without OT training follows
 */
record Hit(String rule, double score, List<String> indicators, List<Technique> techniques, String action,
    String consequence) {

  static Hit of(String rule, double score, String indicator, String action, String consequence,
      Technique... techniques) {
    return new Hit(rule, score, List.of(indicator), List.of(techniques), action, consequence);
  }
}
