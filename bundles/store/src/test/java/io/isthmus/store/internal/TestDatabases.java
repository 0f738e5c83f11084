package io.isthmus.store.internal;

import javax.sql.DataSource;

/** Migrations as the bundle runs them, for tests of the area packages (Migrations is package-private). */
public final class TestDatabases {

  private TestDatabases() {}

  /** The migrations of an area, as {@link Database#migrate} runs them. */
  public static int migrate(DataSource dataSource, String area) {
    return Migrations.migrate(dataSource, area);
  }
}
