/** The alerts area of the store: persisted alerts ({@code db/alerts}), served as {@code AlertStore}. */
@NullMarked
package io.isthmus.store.internal.alerts;

import org.jspecify.annotations.NullMarked;
