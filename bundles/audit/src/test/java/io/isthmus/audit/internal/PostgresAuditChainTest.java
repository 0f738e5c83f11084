package io.isthmus.audit.internal;

/** The tamper tests on PostgreSQL, when ISTHMUS_TEST_PG_URL is set; a fresh schema for each chain. */
class PostgresAuditChainTest extends AuditChainContract {

  @Override
  String freshDatabase() {
    return TestDatabases.freshPostgresUrl("isthmus_audit_chain_test");
  }
}
