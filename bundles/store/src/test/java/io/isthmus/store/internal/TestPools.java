package io.isthmus.store.internal;

import com.zaxxer.hikari.HikariDataSource;
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
