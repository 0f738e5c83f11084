package io.isthmus.protocol.mqtt.internal;

/**
 * One control packet's fixed header, where its body lies in the buffer, and (for a PUBLISH)
 * where its application payload starts.
 *
 * @param type the packet type, 0-15
 * @param flags the low four bits of the first byte
 * @param remainingLength the length the fixed header announces
 * @param bodyStart absolute buffer position of the first byte after the fixed header
 */
record Packet(int type, int flags, int remainingLength, int bodyStart) {

  long end() {
    return (long) bodyStart + remainingLength;
  }

  /** Bytes on the wire: fixed header and body. */
  int size(int headerLength) {
    return headerLength + remainingLength;
  }
}
