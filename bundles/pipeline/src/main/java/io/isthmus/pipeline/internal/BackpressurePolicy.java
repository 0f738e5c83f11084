package io.isthmus.pipeline.internal;

import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Chooses a source's backpressure from configured overrides and the source kind's default. */
final class BackpressurePolicy {

  private record Rule(String pattern, boolean prefix, Backpressure backpressure) {
    boolean matches(String sourceId) {
      return prefix ? sourceId.startsWith(pattern) : sourceId.equals(pattern);
    }
  }

  private final List<Rule> rules;

  private BackpressurePolicy(List<Rule> rules) {
    this.rules = rules;
  }

  /**
   * Parses {@code sourceId=BLOCK|DROP} entries.
   *
   * @throws IllegalArgumentException naming the first bad entry
   */
  static BackpressurePolicy parse(String[] entries) {
    List<Rule> rules = new ArrayList<>();
    for (String entry : entries) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.lastIndexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw new IllegalArgumentException("backpressure entry '" + entry + "' is not sourceId=BLOCK or sourceId=DROP");
      }
      String id = trimmed.substring(0, eq).trim();
      String value = trimmed.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
      Backpressure bp;
      try {
        bp = Backpressure.valueOf(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("backpressure entry '" + entry + "': '" + value + "' is neither BLOCK nor DROP", e);
      }
      boolean prefix = id.endsWith("*");
      rules.add(new Rule(prefix ? id.substring(0, id.length() - 1) : id, prefix, bp));
    }
    return new BackpressurePolicy(List.copyOf(rules));
  }

  Backpressure forSource(String sourceId, SourceKind kind) {
    for (Rule rule : rules) {
      if (!rule.prefix && rule.matches(sourceId)) {
        return rule.backpressure;
      }
    }
    Rule best = null;
    for (Rule rule : rules) {
      if (rule.prefix && rule.matches(sourceId) && (best == null || rule.pattern.length() > best.pattern.length())) {
        best = rule;
      }
    }
    return best != null ? best.backpressure : kind.defaultBackpressure();
  }
}
