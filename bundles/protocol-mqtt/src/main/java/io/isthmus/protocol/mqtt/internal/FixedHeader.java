package io.isthmus.protocol.mqtt.internal;

import java.nio.ByteBuffer;

/**
 * The fixed header at the front of every control packet: type and flags, then the remaining
 * length as a variable byte integer of one to four bytes (MQTT 3.1.1 section 2.2.3).
 */
final class FixedHeader {
  /** More bytes are needed to read the header. */
  static final int INCOMPLETE = -1;
  /** The remaining length does not end within four bytes. */
  static final int TOO_LONG = -2;

  private FixedHeader() {}

  /**
   * The header's length in bytes (2-5) at {@code at}, or {@link #INCOMPLETE} or {@link #TOO_LONG};
   * the remaining length is then {@link #remainingLength}.
   */
  static int headerLength(ByteBuffer data, int at) {
    for (int i = 1; i <= 4; i++) {
      if (at + i >= data.limit()) {
        return INCOMPLETE;
      }
      if ((data.get(at + i) & 0x80) == 0) {
        return i + 1;
      }
    }
    return TOO_LONG;
  }

  static int remainingLength(ByteBuffer data, int at, int headerLength) {
    int value = 0;
    for (int i = 1; i < headerLength; i++) {
      value |= (data.get(at + i) & 0x7f) << (7 * (i - 1));
    }
    return value;
  }

  /**
   * Whether the first byte is a control packet type with the flags the specification fixes for
   * it. MQTT 3.1 clients may set DUP on PUBREL, SUBSCRIBE and UNSUBSCRIBE; AUTH exists from 5.0.
   */
  static boolean validFirstByte(int first, int level) {
    int type = first >>> 4;
    int flags = first & 0x0f;
    return switch (type) {
      case 0 -> false;
      case Names.PUBLISH -> (flags & 0x06) != 0x06;
      case Names.PUBREL, Names.SUBSCRIBE, Names.UNSUBSCRIBE -> flags == 2 || level == 3 && flags == 0x0a;
      case Names.AUTH -> flags == 0 && (level == 5 || level == 0);
      default -> flags == 0;
    };
  }
}
