package io.isthmus.audit.internal;

/** The kill test on the embedded H2 database: the case where the database dies with the process. */
class H2KillDuringAppendsTest extends KillDuringAppendsContract {

  @Override
  String freshDatabase() {
    return TestDatabases.h2Url(work.resolve("store"));
  }
}
