package io.isthmus.store.internal;

import javax.sql.DataSource;

/** A {@link Database} over a data source; what tests use instead of the component. */
public record SqlDatabase(DataSource dataSource) implements Database {}
