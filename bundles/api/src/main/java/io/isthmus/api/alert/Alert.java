package io.isthmus.api.alert;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One alert: the findings about one device and technique within the grouping window, counted.
 *
 * @param id alert id
 * @param groupKey what groups findings into this alert (device, technique, model)
 * @param device IP address of the device the findings are about
 * @param assetId the inventory asset of the device, or {@code null} if none is known
 * @param zone the asset's zone when the alert was raised
 * @param criticality the asset's criticality when the alert was raised (0 not rated)
 * @param protocol protocol of the evidence
 * @param severityScore 0-100, from anomaly score, criticality and technique
 * @param anomalyScore highest finding score, in [0, 1]
 * @param techniques ATT&CK for ICS techniques
 * @param indicators union of the findings' indicators (bounded)
 * @param modelIds models whose findings are grouped here
 * @param count findings grouped
 * @param firstSeen time of the first finding
 * @param lastSeen time of the latest finding
 * @param summary the analyst summary, in plain language
 * @param recommendedAction what an analyst should do next, in plain language
 * @param payloadSample a short sample of the evidence, readable (hex or decoded fields)
 * @param state open, acknowledged, closed or suppressed
 */
public record Alert(
    String id,
    String groupKey,
    String device,
    @Nullable String assetId,
    Zone zone,
    int criticality,
    String protocol,
    int severityScore,
    double anomalyScore,
    List<Technique> techniques,
    List<String> indicators,
    Set<String> modelIds,
    long count,
    Instant firstSeen,
    Instant lastSeen,
    String summary,
    String recommendedAction,
    String payloadSample,
    State state) {

  /** Where an alert is in its life. */
  public enum State {
    OPEN,
    ACKNOWLEDGED,
    CLOSED,
    /** A suppression rule matched: kept and counted, not raised. */
    SUPPRESSED
  }

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(recommendedAction, "recommendedAction");
    Objects.requireNonNull(payloadSample, "payloadSample");
    Objects.requireNonNull(state, "state");
    if (severityScore < 0 || severityScore > 100) {
      throw new IllegalArgumentException("severityScore must be 0-100: " + severityScore);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1: " + count);
    }
    techniques = List.copyOf(techniques);
    indicators = List.copyOf(indicators);
    modelIds = Set.copyOf(modelIds);
  }

  public Severity severity() {
    return Severity.of(severityScore);
  }
}
