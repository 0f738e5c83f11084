/** Pipeline implementation; never exported. */
@NullMarked
package io.isthmus.pipeline.internal;

import org.jspecify.annotations.NullMarked;
