package io.isthmus.store.internal.alerts;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.isthmus.store.internal.Databases;
import io.isthmus.store.internal.TestPools;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A new, empty schema on the PostgreSQL server named by ISTHMUS_TEST_PG_URL (+ _USER, _PASSWORD);
 * the test is skipped when none is set or reachable. The schema is this area's own, so the asset
 * tests' schema is left alone.
 */
final class PgScratch {

  static final String SCHEMA = "isthmus_alerts_test";

  private PgScratch() {}

  /** Drops and creates the schema; returns the URL that uses it. */
  static String freshSchemaUrl() {
    String configured = System.getenv("ISTHMUS_TEST_PG_URL");
    assumeTrue(configured != null && !configured.isBlank(), "ISTHMUS_TEST_PG_URL is not set");
    DataSource server = Databases.forUrl(configured, env("ISTHMUS_TEST_PG_USER"), env("ISTHMUS_TEST_PG_PASSWORD"));
    try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at ISTHMUS_TEST_PG_URL is not reachable: " + e.getMessage());
    }
    return configured + (configured.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
  }

  /** Pooled, as the store component opens it; close with {@link TestPools#closeAll}. */
  static DataSource open(String url) {
    return TestPools.open(url);
  }

  static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
