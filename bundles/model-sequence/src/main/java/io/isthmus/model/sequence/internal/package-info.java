/** Sequence model implementation; never exported. */
@NullMarked
package io.isthmus.model.sequence.internal;

import org.jspecify.annotations.NullMarked;
