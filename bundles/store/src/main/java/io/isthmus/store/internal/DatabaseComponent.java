package io.isthmus.store.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
 * Opens the configured database for the stores of this bundle. A changed configuration deactivates
 * and reactivates it, and with it every store, which then point at the new database. PostgreSQL
 * connections come from a pool that lives as long as this component.
 */
@Component(service = Database.class, configurationPid = "io.isthmus.store",
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public final class DatabaseComponent implements Database {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseComponent.class);

  /** H2's ErrorCode.DATABASE_ALREADY_OPEN_1: another process holds the file. */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  private final DataSource dataSource;
  private final @Nullable HikariDataSource pool;
  // H2 closes its file when the last connection closes; this one keeps it open between operations.
  private final @Nullable Connection keepOpen;

  @Activate
  public DatabaseComponent(BundleContext context, StoreConfig config) throws Exception {
    String url = config.url().trim();
    boolean postgres = Databases.isPostgres(url);
    // Checked whatever the database, so a wrong value is found when it is set, not when PostgreSQL is.
    PoolSettings poolSettings = PoolSettings.of(config);
    if (url.isEmpty()) {
      Path directory = embeddedDirectory(context);
      Files.createDirectories(directory);
      dataSource = Databases.embedded(directory);
      pool = null;
      LOG.info("store: embedded H2 in {}", directory);
    } else if (postgres) {
      pool = Databases.pooled(url, config.user(), config.password(), poolSettings);
      dataSource = pool;
      LOG.info("store: configured PostgreSQL database, {} ({} to {} connections)", pool.getPoolName(),
          poolSettings.minIdle(), poolSettings.maxSize());
    } else {
      dataSource = Databases.forUrl(url, config.user(), config.password());
      pool = null;
      LOG.info("store: configured H2 database");
    }
    keepOpen = postgres ? null : openKept(dataSource, url.isEmpty() ? "the embedded store" : "the H2 database");
  }

  private static Connection openKept(DataSource dataSource, String what) throws SQLException {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        throw new IllegalStateException(what + " is in use by another Isthmus process; stop it first "
            + "(a running runtime serves the same data under /api/v1)", e);
      }
      throw e;
    }
  }

  @Deactivate
  void deactivate() throws SQLException {
    if (pool != null) {
      PostgresPool.close(pool);
    }
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
  public DataSource dataSource() {
    return dataSource;
  }
}
