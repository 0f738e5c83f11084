package io.isthmus.store.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings an area's tables up to date with the Flyway scripts under {@code db/<area>} in this bundle. */
final class Migrations {

  private Migrations() {}

  /** Applies pending migrations and returns how many ran. */
  static int migrate(DataSource dataSource, String area) {
    if (!area.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("area must be lower-case letters, digits and _: " + area);
    }
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/" + area)
        .table("schema_history_" + area)
        // Areas share the schema: another area's tables are not a reason to refuse.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        // Flyway would otherwise pick java.util.logging inside the bundle; Isthmus logs through slf4j.
        .loggers("slf4j")
        .load();
    return flyway.migrate().migrationsExecuted;
  }
}
