package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.store.AlertStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Groups findings into alerts and persists them; single-threaded (the triage thread). Windows are
 * measured in finding time, so a replayed capture groups as the live traffic did.
 */
final class TriageEngine {

  /** Told of an alert after it is committed. */
  interface Publisher {
    void publish(Alert alert, boolean raised);
  }

  private final AlertStore store;
  private final Function<String, Optional<Asset>> assets;
  private final Supplier<List<SuppressionRule>> rules;
  private final Publisher publisher;
  private final long windowMicros;
  private final int maxGroups;
  // Access order: the least recently touched group is evicted first; it is persisted, so it can resume.
  private final Map<String, AlertGroup> groups = new LinkedHashMap<>(256, 0.75f, true);
  private final Set<AlertGroup> dirty = new LinkedHashSet<>();

  private final AtomicLong findings = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();
  private final AtomicLong raised = new AtomicLong();
  private final AtomicLong updates = new AtomicLong();

  TriageEngine(AlertStore store, Function<String, Optional<Asset>> assets, Supplier<List<SuppressionRule>> rules,
      Publisher publisher, long windowMicros, int maxGroups) {
    this.store = store;
    this.assets = assets;
    this.rules = rules;
    this.publisher = publisher;
    this.windowMicros = windowMicros;
    this.maxGroups = maxGroups;
  }

  void handle(Finding finding) {
    handle(finding, 1, finding.timeMicros(), finding.timeMicros(), finding.score());
  }

  void handle(FindingIntake.Folded folded) {
    handle(folded.sample, folded.count, folded.firstMicros, folded.lastMicros, folded.maxScore);
  }

  private void handle(Finding sample, long count, long firstMicros, long lastMicros, double maxScore) {
    SuppressionRule rule = suppressionFor(sample);
    String key = rule == null ? GroupKey.of(sample) : GroupKey.suppressed(GroupKey.of(sample));
    AlertGroup group = groups.get(key);
    if (group == null) {
      group = resume(key, sample, rule);
    }
    if (group != null && firstMicros - group.lastMicros > windowMicros) {
      group = null;
    }
    if (group == null) {
      group = new AlertGroup(UUID.randomUUID().toString(), key, sample.device().ip(), asset(sample.device().ip()),
          AlertGroup.clip(AlertGroup.oneLine(sample.protocol()), 32), rule);
    }
    group.add(sample, count, firstMicros, lastMicros, maxScore);
    groups.put(key, group);
    dirty.add(group);
    findings.addAndGet(count);
    if (rule != null) {
      suppressed.addAndGet(count);
    }
  }

  private @Nullable AlertGroup resume(String key, Finding sample, @Nullable SuppressionRule rule) {
    Optional<Alert> stored = store.findOpenByGroupKey(key);
    return stored.map(alert -> AlertGroup.resume(alert, asset(alert.device()), rule)).orElse(null);
  }

  private @Nullable SuppressionRule suppressionFor(Finding finding) {
    for (SuppressionRule rule : rules.get()) {
      if (rule.matches(finding)) {
        return rule;
      }
    }
    return null;
  }

  private @Nullable Asset asset(String ip) {
    return assets.apply(ip).orElse(null);
  }

  /**
   * Commits every changed alert in one transaction, then tells the publisher. On a store failure
   * the changes stay pending for the next call and the exception propagates.
   */
  void flush() {
    if (dirty.isEmpty()) {
      return;
    }
    List<AlertGroup> changed = new ArrayList<>(dirty);
    List<Alert> alerts = new ArrayList<>(changed.size());
    for (AlertGroup group : changed) {
      alerts.add(group.toAlert());
    }
    store.saveAll(alerts);
    dirty.clear();
    for (int i = 0; i < changed.size(); i++) {
      AlertGroup group = changed.get(i);
      boolean isNew = !group.persisted;
      group.persisted = true;
      (isNew ? raised : updates).incrementAndGet();
      if (group.state != Alert.State.SUPPRESSED) {
        publisher.publish(alerts.get(i), isNew);
      }
    }
    evict();
  }

  private void evict() {
    Iterator<AlertGroup> eldest = groups.values().iterator();
    while (groups.size() > maxGroups && eldest.hasNext()) {
      eldest.next();
      eldest.remove();
    }
  }

  boolean hasPending() {
    return !dirty.isEmpty();
  }

  int groupsHeld() {
    return groups.size();
  }

  long findings() {
    return findings.get();
  }

  long suppressed() {
    return suppressed.get();
  }

  long alertsRaised() {
    return raised.get();
  }

  long alertUpdates() {
    return updates.get();
  }
}
