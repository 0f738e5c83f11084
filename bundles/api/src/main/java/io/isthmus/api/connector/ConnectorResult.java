package io.isthmus.api.connector;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one connector call, as the audit log records it.
 *
 * @param connectorId the connector that made the call
 * @param operation what was attempted, e.g. {@code contain_host}
 * @param status how it ended
 * @param detail a readable account (vendor message, count affected); never a secret
 * @param externalRef the vendor's id for what was created or changed, or {@code null}
 * @param at when the call ended
 * @param attributes further machine-readable facts (HTTP status, vendor trace id)
 */
public record ConnectorResult(
    String connectorId,
    String operation,
    Status status,
    String detail,
    @Nullable String externalRef,
    Instant at,
    Map<String, String> attributes) {

  /** How a call ended. */
  public enum Status {
    SUCCEEDED,
    /** The vendor refused or failed; retrying the same call will not help. */
    FAILED,
    /** A transient failure (rate limit, timeout); the caller may retry later. */
    RETRYABLE,
    /** The connector does not offer this operation. */
    UNSUPPORTED
  }

  public ConnectorResult {
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(at, "at");
    attributes = Map.copyOf(attributes);
  }

  public static ConnectorResult unsupported(String connectorId, String operation) {
    return new ConnectorResult(connectorId, operation, Status.UNSUPPORTED,
        connectorId + " does not support " + operation, null, Instant.now(), Map.of());
  }

  public boolean succeeded() {
    return status == Status.SUCCEEDED;
  }
}
