package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * PostgreSQL data sources as the store component opens them: pooled, with the default settings, as
 * ISTHMUS_TEST_PG_USER with ISTHMUS_TEST_PG_PASSWORD. A test that opens them closes them with
 * {@link #closeAll} after each test.
 */
public final class TestPools {

  private static final List<HikariDataSource> OPEN = new CopyOnWriteArrayList<>();

  private TestPools() {}

  public static DataSource open(String url) {
    HikariDataSource pool = Databases.pooled(url, env("ISTHMUS_TEST_PG_USER"), env("ISTHMUS_TEST_PG_PASSWORD"),
        PoolSettings.DEFAULTS);
    OPEN.add(pool);
    return pool;
  }

  /**
   * Drops and creates {@code schema} on the server at ISTHMUS_TEST_PG_URL and returns the URL that
   * works in it; the test is skipped when no server is configured or it cannot be reached.
   */
  public static String freshSchema(String schema) {
    String configured = System.getenv("ISTHMUS_TEST_PG_URL");
    assumeTrue(configured != null && !configured.isBlank(), "ISTHMUS_TEST_PG_URL is not set");
    DataSource server = Databases.forUrl(configured, env("ISTHMUS_TEST_PG_USER"), env("ISTHMUS_TEST_PG_PASSWORD"));
    try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at ISTHMUS_TEST_PG_URL is not reachable: " + e.getMessage());
    }
    return configured + (configured.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /** Closes every pool opened since the last call. */
  public static void closeAll() {
    for (HikariDataSource pool : OPEN) {
      PostgresPool.close(pool);
    }
    OPEN.clear();
  }

  /** Names of the live threads of any store pool (Hikari names them after the pool). */
  public static List<String> poolThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("isthmus-store-pool-")).toList();
  }

  public static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
