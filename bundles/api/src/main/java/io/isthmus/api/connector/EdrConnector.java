package io.isthmus.api.connector;

import io.isthmus.api.governance.ResponseAction;
import java.time.Instant;
import java.util.Set;

/**
 * A connector to an EDR, ITSM or firewall system (CrowdStrike Falcon, SentinelOne, Sophos
 * Central, ServiceNow, PAN-OS). Registered as a service by a connector bundle, usually once per
 * factory configuration (one per tenant or console).
 *
 * <p>Calls are blocking and may take seconds; callers run them off the scoring path. Every call
 * returns a result instead of throwing, so the audit log can record what happened.
 */
public interface EdrConnector {

  /** Id of this configured instance, e.g. {@code falcon-eu1-customer-a}. */
  String id();

  /** Vendor product, e.g. {@code CrowdStrike Falcon}. */
  String vendor();

  Set<ConnectorCapability> capabilities();

  /**
   * Raises one alert in the vendor console.
   *
   * @param alertId Isthmus alert id, used as the idempotency key where the vendor allows one
   * @param ocsfJson the alert as an OCSF Detection Finding (class 2004) JSON document
   */
  default ConnectorResult pushAlert(String alertId, String ocsfJson) {
    return ConnectorResult.unsupported(id(), "push_alert");
  }

  /**
   * Carries out an approved response action (contain or release a host, tag an IP, open a
   * ticket). Only the governance executor calls this, after the decision and approvals are
   * recorded.
   */
  default ConnectorResult execute(ResponseAction action) {
    return ConnectorResult.unsupported(id(), action.kind().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Pulls the vendor's own detections since a time; the result's detail carries them as JSON lines. */
  default ConnectorResult pullDetections(Instant since) {
    return ConnectorResult.unsupported(id(), "pull_detections");
  }

  /** Runs a hunt query in the vendor's query language; the result's detail carries the rows as JSON lines. */
  default ConnectorResult hunt(String query, Instant from, Instant to) {
    return ConnectorResult.unsupported(id(), "hunt_query");
  }
}
