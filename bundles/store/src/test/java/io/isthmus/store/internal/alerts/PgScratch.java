package io.isthmus.store.internal.alerts;


import io.isthmus.store.internal.TestPools;
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
    return TestPools.freshSchema(SCHEMA);
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
