/** Baseline model implementation; never exported. */
@NullMarked
package io.isthmus.model.baseline.internal;

import org.jspecify.annotations.NullMarked;
