package io.isthmus.store.internal.governance;

import javax.sql.DataSource;

/** The contract on PostgreSQL, when ISTHMUS_TEST_PG_URL names a reachable server; a new schema per test. */
class PostgresGovernanceRaceTest extends GovernanceRaceContract {

  private String url = "";

  @Override
  void prepareDatabase() {
    url = PostgresScratch.prepare();
  }

  @Override
  DataSource openDatabase() {
    return PostgresScratch.open(url);
  }
}
