package io.isthmus.api.alert;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders an alert for the systems it is sent to; provided by triage. Connectors push the OCSF
 * form ({@code EdrConnector.pushAlert(alert.id(), ocsfJson(alert))}), webhooks the simple form.
 */
@ProviderType
public interface AlertFormats {

  /**
   * The simple webhook event: {@code event_type}, {@code timestamp}, {@code device_id},
   * {@code protocol}, {@code anomaly_score}, {@code indicators}, {@code raw_payload_sample},
   * {@code recommended_action}, plus the alert's id, severity, count and summary.
   */
  String webhookJson(Alert alert);

  /** An OCSF 1.x Detection Finding (class_uid 2004) as one JSON object. */
  String ocsfJson(Alert alert);
}
