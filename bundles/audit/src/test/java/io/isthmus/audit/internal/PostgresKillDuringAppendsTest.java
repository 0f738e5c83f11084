package io.isthmus.audit.internal;

/** The kill test on PostgreSQL, when ISTHMUS_TEST_PG_URL is set. */
class PostgresKillDuringAppendsTest extends KillDuringAppendsContract {

  @Override
  String freshDatabase() {
    return TestDatabases.freshPostgresUrl("isthmus_audit_kill_test");
  }
}
