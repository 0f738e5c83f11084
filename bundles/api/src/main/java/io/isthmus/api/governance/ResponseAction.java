package io.isthmus.api.governance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A proposed response. It stays a proposal until governance decides; only an executed
 * decision reaches a connector.
 *
 * @param id action id
 * @param kind what to do
 * @param target host name, IP address or ticket queue the action applies to
 * @param connectorId the connector instance to carry it out
 * @param reason why it is proposed, in plain language
 * @param requestedBy user or component that proposed it
 * @param requestedAt when it was proposed
 * @param touchesPhysicalProcess whether carrying it out can affect a physical process; such
 *     actions always need a human approval
 * @param evidenceRefs ids of the alerts and findings behind it
 * @param parameters action parameters (tag name, timeout, ticket urgency)
 * @param reverses id of the action this one rolls back, or {@code null}
 */
public record ResponseAction(
    String id,
    ActionKind kind,
    String target,
    String connectorId,
    String reason,
    String requestedBy,
    Instant requestedAt,
    boolean touchesPhysicalProcess,
    List<String> evidenceRefs,
    Map<String, String> parameters,
    @Nullable String reverses) {

  public ResponseAction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(connectorId, "connectorId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requestedBy, "requestedBy");
    Objects.requireNonNull(requestedAt, "requestedAt");
    evidenceRefs = List.copyOf(evidenceRefs);
    parameters = Map.copyOf(parameters);
  }
}
