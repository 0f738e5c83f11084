/** Isolation-forest model implementation; never exported. */
@NullMarked
package io.isthmus.model.iforest.internal;

import org.jspecify.annotations.NullMarked;
