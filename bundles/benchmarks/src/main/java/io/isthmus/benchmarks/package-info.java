/**
 * JMH benchmarks that need nothing of ours but the API. Benchmarks of package-private engine and
 * capture classes live in those classes' packages ({@code io.isthmus.pipeline.internal}, {@code
 * io.isthmus.capture.internal}) and carry no package-info of their own: the real one is in the
 * bundle they measure.
 */
@NullMarked
package io.isthmus.benchmarks;

import org.jspecify.annotations.NullMarked;
