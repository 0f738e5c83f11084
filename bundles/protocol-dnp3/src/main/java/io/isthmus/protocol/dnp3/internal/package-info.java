/** DNP3 (IEEE 1815) decoder implementation; never exported. */
@NullMarked
package io.isthmus.protocol.dnp3.internal;

import org.jspecify.annotations.NullMarked;
