package io.isthmus.api.detection;

import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a model found about one device.
 *
 * @param modelId id of the model that emitted it
 * @param modelVersion version of that model
 * @param timeMicros time of the last evidence event, microseconds since the epoch
 * @param device the device the finding is about
 * @param peer the other end involved (the writer, the scanner), or the device itself if none
 * @param protocol the protocol of the evidence
 * @param score anomaly score in [0, 1]
 * @param indicators machine-readable indicators, e.g. {@code fc_not_in_baseline:90}
 * @param techniques ATT&CK for ICS techniques the behaviour matches
 * @param evidence a small sample of the events behind the finding
 * @param explanation one paragraph a SOC analyst without OT training understands
 */
public record Finding(
    String modelId,
    String modelVersion,
    long timeMicros,
    Endpoint device,
    Endpoint peer,
    String protocol,
    double score,
    List<String> indicators,
    List<Technique> techniques,
    List<TelemetryEvent> evidence,
    String explanation) {

  public Finding {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(explanation, "explanation");
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0,1]: " + score);
    }
    indicators = List.copyOf(indicators);
    techniques = List.copyOf(techniques);
    evidence = List.copyOf(evidence);
  }
}
