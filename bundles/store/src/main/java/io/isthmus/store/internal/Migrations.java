package io.isthmus.store.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with the Flyway scripts under {@code db/store} in this bundle. */
final class Migrations {

  static final String LOCATION = "classpath:db/store";

  private Migrations() {}

  /** Applies pending migrations and returns how many ran. */
  static int migrate(DataSource dataSource) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations(LOCATION)
        // Flyway would otherwise pick java.util.logging inside the bundle; Isthmus logs through slf4j.
        .loggers("slf4j")
        .load();
    return flyway.migrate().migrationsExecuted;
  }
}
