package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

/**
 * The same contract on PostgreSQL, run only when ISTHMUS_TEST_PG_URL names a reachable server
 * (with ISTHMUS_TEST_PG_USER and ISTHMUS_TEST_PG_PASSWORD); each test gets a new, empty schema and
 * pooled connections, as the store component has them.
 */
class PostgresAssetStoreTest extends AssetStoreContract implements RegistryMergeContract {

  private static final String SCHEMA = "isthmus_store_test";

  private @Nullable String url;

  @Override
  void prepareDatabase() {
    String configured = System.getenv("ISTHMUS_TEST_PG_URL");
    assumeTrue(configured != null && !configured.isBlank(), "ISTHMUS_TEST_PG_URL is not set");
    DataSource server = Databases.forUrl(configured, env("ISTHMUS_TEST_PG_USER"), env("ISTHMUS_TEST_PG_PASSWORD"));
    try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at ISTHMUS_TEST_PG_URL is not reachable: " + e.getMessage());
    }
    url = configured + (configured.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }

  @Override
  DataSource openDatabase() {
    return TestPools.open(url);
  }

  @AfterEach
  void closePools() {
    TestPools.closeAll();
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
