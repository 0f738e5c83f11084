package io.isthmus.store.internal.alerts;

import javax.sql.DataSource;
import io.isthmus.store.internal.TestPools;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

/** The same contract on PostgreSQL, run only when ISTHMUS_TEST_PG_URL names a reachable server. */
class PostgresAlertStoreTest extends AlertStoreContract {

  private @Nullable String url;

  @Override
  void prepareDatabase() {
    url = PgScratch.freshSchemaUrl();
  }

  @Override
  DataSource openDatabase() {
    return PgScratch.open(url);
  }

  @AfterEach
  void closePools() {
    TestPools.closeAll();
  }
}
