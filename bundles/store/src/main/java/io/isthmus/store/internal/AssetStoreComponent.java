package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the asset inventory once its tables (area {@code assets}) are migrated. */
@Component(service = AssetStore.class)
public final class AssetStoreComponent implements AssetStore {

  private static final Logger LOG = LoggerFactory.getLogger(AssetStoreComponent.class);

  private final JdbcAssetStore store;

  @Activate
  public AssetStoreComponent(@Reference Database database) {
    int applied = database.migrate(JdbcAssetStore.AREA);
    LOG.info("asset store: {} schema migration(s) applied", applied);
    store = new JdbcAssetStore(database.dataSource());
  }

  @Override
  public StoredAsset upsert(Asset asset, Instant seenAt) {
    return store.upsert(asset, seenAt);
  }

  @Override
  public StoredAsset importRegistry(Asset entry, Instant importedAt) {
    return store.importRegistry(entry, importedAt);
  }

  @Override
  public boolean setRisk(String id, int score, List<String> reasons) {
    return store.setRisk(id, score, reasons);
  }

  @Override
  public boolean delete(String id) {
    return store.delete(id);
  }

  @Override
  public Optional<StoredAsset> findByAddress(String ip) {
    return store.findByAddress(ip);
  }

  @Override
  public Optional<StoredAsset> findById(String id) {
    return store.findById(id);
  }

  @Override
  public List<StoredAsset> list() {
    return store.list();
  }

  @Override
  public List<AssetConflict> conflicts() {
    return store.conflicts();
  }
}
