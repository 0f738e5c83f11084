/**
 * Passive asset discovery: per-device facts gathered from every scored event on the pipeline's
 * threads, flushed to the asset store by a thread of its own; the MAC vendor registry; and the
 * {@code isthmus discover} command. Never exported.
 */
@NullMarked
package io.isthmus.discovery.internal;

import org.jspecify.annotations.NullMarked;
