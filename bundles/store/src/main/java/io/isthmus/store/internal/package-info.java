/** The store's implementation: JDBC, Flyway migrations, the embedded H2 database. */
@NullMarked
package io.isthmus.store.internal;

import org.jspecify.annotations.NullMarked;
