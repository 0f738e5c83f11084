package io.isthmus.store.internal.governance;

import io.isthmus.store.internal.TestPools;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The contract on PostgreSQL, when ISTHMUS_TEST_PG_URL names a reachable server; a new schema per test, pooled connections. */
class PostgresGovernanceStoreTest extends GovernanceStoreContract {

  private String url = "";

  @Override
  void prepareDatabase() {
    url = PostgresScratch.prepare();
  }

  @Override
  DataSource openDatabase() {
    return PostgresScratch.pooled(url);
  }

  @AfterEach
  void closePools() {
    TestPools.closeAll();
  }
}
