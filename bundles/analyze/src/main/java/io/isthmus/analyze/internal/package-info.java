/**
 * {@code isthmus analyze}: baseline captures replayed through the pipeline to teach the models,
 * then the findings on input captures written as JSON lines or a table. Never exported.
 */
@NullMarked
package io.isthmus.analyze.internal;

import org.jspecify.annotations.NullMarked;
