package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the asset store once the schema is migrated. A changed configuration deactivates and
 * reactivates the component, so the service then points at the new database.
 */
@Component(service = AssetStore.class, configurationPid = "io.isthmus.store",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public final class StoreComponent implements AssetStore {

  private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

  private final JdbcAssetStore store;
  // H2 closes its file when the last connection closes; this one keeps it open between operations.
  private final @Nullable Connection keepOpen;

  @Activate
  public StoreComponent(BundleContext context, StoreConfig config) throws Exception {
    DataSource dataSource;
    boolean h2 = config.url().isBlank() || config.url().trim().startsWith("jdbc:h2:");
    if (config.url().isBlank()) {
      Path directory = embeddedDirectory(context);
      Files.createDirectories(directory);
      dataSource = Databases.embedded(directory);
      LOG.info("asset store: embedded H2 in {}", directory);
    } else {
      dataSource = Databases.forUrl(config.url().trim(), config.user(), config.password());
      LOG.info("asset store: configured {} database", h2 ? "H2" : "PostgreSQL");
    }
    keepOpen = h2 ? dataSource.getConnection() : null;
    try {
      int applied = Migrations.migrate(dataSource);
      LOG.info("asset store: {} schema migration(s) applied", applied);
    } catch (RuntimeException e) {
      deactivate();
      throw e;
    }
    store = new JdbcAssetStore(dataSource);
  }

  @Deactivate
  void deactivate() throws SQLException {
    if (keepOpen != null) {
      keepOpen.close();
    }
  }

  /** {@code <isthmus.data>/store}, else the bundle's data area. */
  private static Path embeddedDirectory(BundleContext context) {
    String data = context.getProperty("isthmus.data");
    if (data != null && !data.isBlank()) {
      return Path.of(data, "store");
    }
    File area = context.getDataFile("store");
    if (area == null) {
      throw new IllegalStateException("no isthmus.data property and the framework has no bundle data area");
    }
    return area.toPath();
  }

  @Override
  public StoredAsset upsert(Asset asset, Instant seenAt) {
    return store.upsert(asset, seenAt);
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
}
