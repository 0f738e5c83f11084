/** EtherNet/IP and CIP decoder implementation; never exported. */
@NullMarked
package io.isthmus.protocol.enip.internal;

import org.jspecify.annotations.NullMarked;
