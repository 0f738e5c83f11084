package io.isthmus.store.internal;


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

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
