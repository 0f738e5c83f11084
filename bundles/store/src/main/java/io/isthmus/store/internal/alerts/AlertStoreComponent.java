package io.isthmus.store.internal.alerts;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.store.AlertStore;
import io.isthmus.store.internal.Database;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the alert store once its tables (area {@code alerts}) are migrated. */
@Component(service = AlertStore.class)
public final class AlertStoreComponent implements AlertStore {

  private static final Logger LOG = LoggerFactory.getLogger(AlertStoreComponent.class);

  private final JdbcAlertStore store;

  @Activate
  public AlertStoreComponent(@Reference Database database) {
    int applied = database.migrate(JdbcAlertStore.AREA);
    LOG.info("alert store: {} schema migration(s) applied", applied);
    store = new JdbcAlertStore(database.dataSource());
  }

  @Override
  public Alert save(Alert alert) {
    return store.save(alert);
  }

  @Override
  public void saveAll(List<Alert> alerts) {
    store.saveAll(alerts);
  }

  @Override
  public Optional<Alert> findById(String id) {
    return store.findById(id);
  }

  @Override
  public Optional<Alert> findOpenByGroupKey(String groupKey) {
    return store.findOpenByGroupKey(groupKey);
  }

  @Override
  public List<Alert> recent(int limit) {
    return store.recent(limit);
  }
}
