package io.isthmus.store.internal.audit;


import javax.sql.DataSource;
import io.isthmus.store.internal.TestPools;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same contract on PostgreSQL, run only when ISTHMUS_TEST_PG_URL names a reachable server
 * (with ISTHMUS_TEST_PG_USER and ISTHMUS_TEST_PG_PASSWORD); each test gets a new, empty schema and
 * pooled connections, as the store component has them.
 */
class PostgresAuditLogTest extends AuditLogContract {

  private static final String SCHEMA = "isthmus_audit_test";

  private @Nullable String url;

  @Override
  void prepareDatabase() {
    url = TestPools.freshSchema(SCHEMA);
  }

  @Override
  DataSource openDatabase() {
    return TestPools.open(url);
  }

  @AfterEach
  void closePools() {
    TestPools.closeAll();
  }

  private static DataSource dataSource(@Nullable String url) {
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
