package io.isthmus.api.store;

import io.isthmus.api.alert.Alert;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Persisted alerts. A call returns once the write is committed. Methods throw {@link StoreException}. */
@ProviderType
public interface AlertStore {

  /** Inserts the alert, or replaces the stored one with the same id. */
  Alert save(Alert alert);

  /**
   * Saves every alert in one transaction: all of them are committed when this returns, none if it
   * throws. Later alerts in the list win over earlier ones with the same id.
   */
  void saveAll(List<Alert> alerts);

  Optional<Alert> findById(String id);

  /** The latest alert (by last seen) of a group that is not closed, if any; suppressed ones count. */
  Optional<Alert> findOpenByGroupKey(String groupKey);

  /** The most recently updated alerts, newest first, at most {@code limit}. */
  List<Alert> recent(int limit);
}
