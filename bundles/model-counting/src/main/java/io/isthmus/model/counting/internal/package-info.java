/** Counting model implementation; never exported. */
@NullMarked
package io.isthmus.model.counting.internal;

import org.jspecify.annotations.NullMarked;
