package io.isthmus.audit.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.isthmus.store.internal.Databases;
import io.isthmus.store.internal.SqlDatabase;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** JDBC URLs of the databases the tests run the real audit log on, and data sources for them. */
final class TestDatabases {

  private TestDatabases() {}

  static String h2Url(Path directory) {
    // Kept open between connections, as the store component keeps it (else every close shuts H2 down).
    return "jdbc:h2:file:" + directory.resolve("isthmus").toAbsolutePath() + ";DB_CLOSE_DELAY=-1";
  }

  /** A fresh, empty schema on ISTHMUS_TEST_PG_URL; skips the test when it is not set or not reachable. */
  static String freshPostgresUrl(String schema) {
    String configured = System.getenv("ISTHMUS_TEST_PG_URL");
    assumeTrue(configured != null && !configured.isBlank(), "ISTHMUS_TEST_PG_URL is not set");
    try (Connection connection = open(configured).getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at ISTHMUS_TEST_PG_URL is not reachable: " + e.getMessage());
    }
    return configured + (configured.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** The data source the store component would open for this URL (for H2: every commit written). */
  static DataSource open(String url) {
    return url.startsWith("jdbc:h2:")
        ? Databases.forUrl(url, "", "")
        : Databases.forUrl(url, env("ISTHMUS_TEST_PG_USER"), env("ISTHMUS_TEST_PG_PASSWORD"));
  }

  /** The audit log on that database, its tables migrated. */
  static JdbcAuditLog auditLog(String url) {
    new SqlDatabase(open(url)).migrate(JdbcAuditLog.AREA);
    return new JdbcAuditLog(open(url), java.time.Clock.systemUTC());
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
