package io.isthmus.audit.internal;

/** The tamper tests on the embedded H2 database. */
class H2AuditChainTest extends AuditChainContract {

  private int opened;

  @Override
  String freshDatabase() {
    return TestDatabases.h2Url(work.resolve("store-" + opened++));
  }
}
