package io.isthmus.governance.internal;

import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.json.JsonWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs approved actions through connectors. An action reaches a connector only after the store
 * has handed it out (its decision and approvals checked in the same statement) and the audit log
 * has recorded the execution with those approvals; transient failures are retried with backoff.
 */
final class Executor {

  private static final Logger LOG = LoggerFactory.getLogger(Executor.class);
  static final String ACTOR = "isthmus-executor";

  /** Retry policy: {@code base * 2^(attempt-1)}, at most {@code max}, for at most {@code attempts} calls. */
  record Backoff(int attempts, Duration base, Duration max) {
    Duration after(int attempt) {
      Duration d = base.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
      return d.compareTo(max) > 0 ? max : d;
    }
  }

  private final GovernanceStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final Supplier<List<EdrConnector>> connectors;
  private final Backoff backoff;

  Executor(GovernanceStore store, AuditLog audit, Clock clock, Supplier<List<EdrConnector>> connectors, Backoff backoff) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.connectors = connectors;
    this.backoff = backoff;
  }

  /** Executes what is due now; returns how many actions were handed to a connector (or notified). */
  int runDue() {
    int ran = 0;
    for (GovernedAction g : store.due(now(), 50)) {
      if (execute(g.id())) {
        ran++;
      }
    }
    return ran;
  }

  /** Executes one action if the store hands it out now. */
  boolean execute(String actionId) {
    Optional<GovernedAction> claimed = store.claim(actionId, now());
    if (claimed.isEmpty()) {
      return false;
    }
    GovernedAction g = claimed.get();
    try {
      audit.append("action", g.id(), ACTOR, List.of(g.id()), JsonWriter.toJson(AuditPayloads.execution(g)));
    } catch (RuntimeException e) {
      LOG.warn("action {} not executed: the audit log refused its record: {}", g.id(), e.toString());
      ConnectorResult notRun = new ConnectorResult("isthmus-governance", "audit", ConnectorResult.Status.RETRYABLE,
          "not executed: the audit log could not record it", null, now(), Map.of());
      // Retried like a first transient failure (the claim counted the attempt).
      store.recordResult(g.id(), notRun, ActionState.RETRY, now().plus(backoff.after(1)));
      return false;
    }
    finish(g, call(g));
    return true;
  }

  private ConnectorResult call(GovernedAction g) {
    String operation = g.action().kind().name().toLowerCase(Locale.ROOT);
    if (g.action().kind() == ActionKind.NOTIFY) {
      return new ConnectorResult("isthmus-governance", operation, ConnectorResult.Status.SUCCEEDED,
          "recorded for people in the approval queue; nothing was changed", null, now(), Map.of());
    }
    EdrConnector connector = Connectors.select(connectors.get(), g.action().kind(), g.action().connectorId());
    if (connector == null) {
      return new ConnectorResult(g.action().connectorId(), operation, ConnectorResult.Status.RETRYABLE,
          "no connector " + g.action().connectorId() + " offering " + g.action().kind().requires() + " is registered",
          null, now(), Map.of());
    }
    try {
      return connector.execute(g.action());
    } catch (RuntimeException e) {
      LOG.warn("connector {} threw on action {}: {}", connector.id(), g.id(), e.toString());
      return new ConnectorResult(connector.id(), operation, ConnectorResult.Status.RETRYABLE,
          "the connector failed: " + e.getClass().getSimpleName(), null, now(), Map.of());
    }
  }

  private void finish(GovernedAction g, ConnectorResult result) {
    ActionState next;
    Instant retryAt = null;
    switch (result.status()) {
      case SUCCEEDED -> next = ActionState.SUCCEEDED;
      case RETRYABLE -> {
        next = g.attempts() < backoff.attempts() ? ActionState.RETRY : ActionState.FAILED;
        retryAt = next == ActionState.RETRY ? now().plus(backoff.after(g.attempts())) : null;
      }
      default -> next = ActionState.FAILED;
    }
    GovernedAction updated = store.recordResult(g.id(), result, next, retryAt);
    try {
      audit.append("result", g.id(), result.connectorId(), List.of(g.id()),
          JsonWriter.toJson(AuditPayloads.result(updated, result)));
    } catch (RuntimeException e) {
      LOG.error("action {}: result {} is stored but the audit log could not record it: {}", g.id(), result.status(),
          e.toString());
    }
    LOG.info("action {} {} on {}: {} ({})", g.id(), g.action().kind(), g.action().target(), result.status(), next);
  }

  /** After a restart: calls cut off mid-way are retried (connectors use the action id as idempotency key). */
  int recover() {
    return store.recoverInterrupted(now());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
