/**
 * {@code isthmus decode}: captures to Zeek-style JSON lines or a table for a terminal, through
 * the runtime's own capture reader and protocol decoders. Never exported.
 */
@NullMarked
package io.isthmus.capture.internal.decode;

import org.jspecify.annotations.NullMarked;
