package io.isthmus.store.internal;

import javax.sql.DataSource;

/**
 * The database every store of this bundle keeps its tables in, published inside the bundle as a
 * service so each store is a component of its own. Each store owns an <em>area</em>: its Flyway
 * scripts under {@code db/<area>} and its own schema history table, so areas migrate independently.
 */
public interface Database {

  DataSource dataSource();

  /** Applies the pending migrations of an area and returns how many ran. */
  default int migrate(String area) {
    return Migrations.migrate(dataSource(), area);
  }
}
