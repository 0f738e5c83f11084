/** Capture reading, reassembly and replay; never exported. */
@NullMarked
package io.isthmus.capture.internal;

import org.jspecify.annotations.NullMarked;
