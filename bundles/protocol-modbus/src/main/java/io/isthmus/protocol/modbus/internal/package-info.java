/** Modbus/TCP decoder implementation; never exported. */
@NullMarked
package io.isthmus.protocol.modbus.internal;

import org.jspecify.annotations.NullMarked;
