/** In-framework benchmarks; never exported. */
@NullMarked
package io.isthmus.bench.internal;

import org.jspecify.annotations.NullMarked;
