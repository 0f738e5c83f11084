/** The audit area of the store: the hash-chained audit log over JDBC and its canonical JSON. */
@NullMarked
package io.isthmus.store.internal.audit;

import org.jspecify.annotations.NullMarked;
