/** Triage's implementation: nothing here is exported. */
@NullMarked
package io.isthmus.triage.internal;

import org.jspecify.annotations.NullMarked;
