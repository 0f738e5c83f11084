package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.store.AlertStore;
import io.isthmus.api.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An alert store in memory that can be made to fail, for triage tests that are not about SQL. */
final class MemoryAlertStore implements AlertStore {

  private final Map<String, Alert> alerts = new LinkedHashMap<>();
  volatile boolean failing;
  int transactions;

  @Override
  public synchronized Alert save(Alert alert) {
    saveAll(List.of(alert));
    return alert;
  }

  @Override
  public synchronized void saveAll(List<Alert> batch) {
    if (failing) {
      throw new StoreException("database unavailable (test)", new java.sql.SQLException("connection refused"));
    }
    transactions++;
    for (Alert alert : batch) {
      alerts.remove(alert.id());
      alerts.put(alert.id(), alert);
    }
  }

  @Override
  public synchronized Optional<Alert> findById(String id) {
    return Optional.ofNullable(alerts.get(id));
  }

  @Override
  public synchronized Optional<Alert> findOpenByGroupKey(String groupKey) {
    return alerts.values().stream().filter(a -> a.groupKey().equals(groupKey) && a.state() != Alert.State.CLOSED)
        .max(Comparator.comparing(Alert::lastSeen));
  }

  @Override
  public synchronized List<Alert> recent(int limit) {
    List<Alert> newestFirst = new ArrayList<>(alerts.values());
    java.util.Collections.reverse(newestFirst);
    return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
  }

  synchronized List<Alert> all() {
    return List.copyOf(alerts.values());
  }
}
