/** BACnet/IP decoder implementation; never exported. */
@NullMarked
package io.isthmus.protocol.bacnet.internal;

import org.jspecify.annotations.NullMarked;
