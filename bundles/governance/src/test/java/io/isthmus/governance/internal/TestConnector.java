package io.isthmus.governance.internal;

import io.isthmus.api.connector.ConnectorCapability;
import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.governance.ResponseAction;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A connector that records calls, answers with queued statuses, and checks each call with a guard first. */
final class TestConnector implements EdrConnector {

  final List<ResponseAction> calls = new CopyOnWriteArrayList<>();
  private final Deque<ConnectorResult.Status> answers = new ArrayDeque<>();
  private final String id;
  private final Set<ConnectorCapability> capabilities;
  private final Consumer<ResponseAction> guard;

  TestConnector(String id, Set<ConnectorCapability> capabilities, Consumer<ResponseAction> guard) {
    this.id = id;
    this.capabilities = capabilities;
    this.guard = guard;
  }

  synchronized TestConnector answer(ConnectorResult.Status... statuses) {
    answers.addAll(List.of(statuses));
    return this;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String vendor() {
    return "Test EDR";
  }

  @Override
  public Set<ConnectorCapability> capabilities() {
    return capabilities;
  }

  @Override
  public ConnectorResult execute(ResponseAction action) {
    guard.accept(action);
    calls.add(action);
    ConnectorResult.Status status;
    synchronized (this) {
      status = answers.isEmpty() ? ConnectorResult.Status.SUCCEEDED : answers.poll();
    }
    return new ConnectorResult(id, action.kind().name().toLowerCase(java.util.Locale.ROOT), status,
        "test connector: " + status, "ext-" + calls.size(), Instant.now(), Map.of());
  }
}
