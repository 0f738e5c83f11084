package io.isthmus.store.internal.governance;


import io.isthmus.store.internal.TestPools;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new, empty schema on the PostgreSQL server named by ISTHMUS_TEST_PG_URL (with
 * ISTHMUS_TEST_PG_USER and ISTHMUS_TEST_PG_PASSWORD); skips the test when none is set or reachable.
 */
final class PostgresScratch {

  private static final String SCHEMA = "isthmus_governance_test";

  private PostgresScratch() {}

  /** Recreates the schema and returns the URL that works in it. */
  static String prepare() {
    return TestPools.freshSchema(SCHEMA);
  }

  /** Pooled, as the store component opens it; close with {@link TestPools#closeAll}. */
  static DataSource pooled(String url) {
    return TestPools.open(url);
  }

  static DataSource open(String url) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(url);
    source.setUser(env("ISTHMUS_TEST_PG_USER"));
    source.setPassword(env("ISTHMUS_TEST_PG_PASSWORD"));
    return source;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
