/** The audit bundle's implementation: alert records, checkpoint signing, chain verification, export. */
@NullMarked
package io.isthmus.audit.internal;

import org.jspecify.annotations.NullMarked;
