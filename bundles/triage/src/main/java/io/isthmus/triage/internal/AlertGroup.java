package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** The findings of one alert, as triage accumulates them; every collection is bounded. */
final class AlertGroup {

  static final int MAX_TECHNIQUES = 16;
  static final int MAX_INDICATORS = 32;
  static final int MAX_MODELS = 16;
  static final int MAX_PEERS = 8;
  static final int MAX_TEXT = 200;
  static final int MAX_EXPLANATION = 2000;
  static final int MAX_PAYLOAD = 512;

  final String id;
  final String key;
  final String device;
  final @Nullable Asset asset;
  final String protocol;
  final @Nullable SuppressionRule suppressedBy;
  final Alert.State state;
  final Set<Technique> techniques = new LinkedHashSet<>();
  final Set<String> indicators = new LinkedHashSet<>();
  final Set<String> models = new LinkedHashSet<>();
  final Set<String> peers = new LinkedHashSet<>();
  long count;
  long firstMicros = Long.MAX_VALUE;
  long lastMicros = Long.MIN_VALUE;
  double maxScore;
  String explanation = "";
  String payloadSample = "";
  /** Committed to the store at least once: the next listener call is an update, not a raise. */
  boolean persisted;

  AlertGroup(String id, String key, String device, @Nullable Asset asset, String protocol,
      @Nullable SuppressionRule suppressedBy) {
    this.id = id;
    this.key = key;
    this.device = device;
    this.asset = asset;
    this.protocol = protocol;
    this.suppressedBy = suppressedBy;
    this.state = suppressedBy == null ? Alert.State.OPEN : Alert.State.SUPPRESSED;
  }

  /** A group that continues a stored, not closed alert (after a restart or an eviction). */
  static AlertGroup resume(Alert stored, @Nullable Asset asset, @Nullable SuppressionRule suppressedBy) {
    AlertGroup group = new AlertGroup(stored.id(), stored.groupKey(), stored.device(), asset, stored.protocol(), suppressedBy);
    group.persisted = true;
    group.count = stored.count();
    group.firstMicros = micros(stored.firstSeen());
    group.lastMicros = micros(stored.lastSeen());
    group.maxScore = stored.anomalyScore();
    stored.techniques().forEach(t -> bounded(group.techniques, t, MAX_TECHNIQUES));
    stored.indicators().forEach(i -> bounded(group.indicators, i, MAX_INDICATORS));
    stored.modelIds().forEach(m -> bounded(group.models, m, MAX_MODELS));
    group.payloadSample = stored.payloadSample();
    return group;
  }

  /** Counts {@code count} findings like {@code sample}, seen from {@code firstMicros} to {@code lastMicros}. */
  void add(Finding sample, long count, long firstMicros, long lastMicros, double maxScore) {
    this.count += count;
    this.firstMicros = Math.min(this.firstMicros, firstMicros);
    this.lastMicros = Math.max(this.lastMicros, lastMicros);
    this.maxScore = Math.max(this.maxScore, maxScore);
    sample.techniques().forEach(t -> bounded(techniques, clean(t), MAX_TECHNIQUES));
    sample.indicators().forEach(i -> bounded(indicators, clip(oneLine(i), MAX_TEXT), MAX_INDICATORS));
    bounded(models, clip(oneLine(sample.modelId()), MAX_TEXT), MAX_MODELS);
    if (!sample.peer().ip().equals(device)) {
      bounded(peers, sample.peer().ip(), MAX_PEERS);
    }
    if (!sample.explanation().isBlank()) {
      explanation = clip(sample.explanation().strip(), MAX_EXPLANATION);
    }
    if (payloadSample.isEmpty() && !sample.evidence().isEmpty()) {
      payloadSample = payloadSample(sample.evidence().get(0));
    }
  }

  Zone zone() {
    return asset == null ? Zone.UNKNOWN : asset.zone();
  }

  int criticality() {
    return asset == null ? 0 : asset.criticality();
  }

  SeverityScore severity() {
    return SeverityScore.of(maxScore, criticality(), zone(), List.copyOf(techniques));
  }

  Alert toAlert() {
    SeverityScore severity = severity();
    return new Alert(id, key, device, asset == null ? null : asset.id(), zone(), criticality(), protocol,
        severity.score(), maxScore, List.copyOf(techniques), List.copyOf(indicators), models, count,
        instant(firstMicros), instant(lastMicros), AlertText.summary(this, severity),
        AlertText.recommendedAction(List.copyOf(techniques), state), payloadSample, state);
  }

  /** The operation and decoded fields of an evidence event, readable, on one line. */
  static String payloadSample(TelemetryEvent event) {
    StringBuilder text = new StringBuilder(event.operation());
    Map<String, Object> sorted = new TreeMap<>(event.fields());
    for (Map.Entry<String, Object> field : sorted.entrySet()) {
      text.append(' ').append(field.getKey()).append('=').append(field.getValue());
      if (text.length() > MAX_PAYLOAD) {
        break;
      }
    }
    if (event.malformedReason() != null) {
      text.append(" (malformed: ").append(event.malformedReason()).append(')');
    }
    return clip(oneLine(text.toString()), MAX_PAYLOAD);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000L;
  }

  /** Technique text as the store keeps it: one line, no tabs, bounded. */
  static Technique clean(Technique t) {
    return new Technique(clip(oneLine(t.id()), 40), clip(oneLine(t.name()), MAX_TEXT), clip(oneLine(t.tactic()), MAX_TEXT));
  }

  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }

  private static <T> void bounded(Set<T> set, T value, int max) {
    if (set.size() < max) {
      set.add(value);
    }
  }

  List<String> peerList() {
    return new ArrayList<>(peers);
  }
}
