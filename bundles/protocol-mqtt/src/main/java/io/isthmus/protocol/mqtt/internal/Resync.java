package io.isthmus.protocol.mqtt.internal;

import java.nio.ByteBuffer;

/** Whether a control packet plausibly starts at a position, after garbage or a gap. */
final class Resync {
  enum Verdict { ACCEPT, REJECT, WAIT }

  private Resync() {}

  /**
   * A valid first byte and remaining length, a length within the limit, and, when its bytes are
   * there, a valid first byte right after the packet.
   */
  static Verdict check(ByteBuffer data, int at, int level, int maxBuffered) {
    int headerLength = FixedHeader.headerLength(data, at);
    if (headerLength == FixedHeader.INCOMPLETE) {
      return Verdict.WAIT;
    }
    if (headerLength == FixedHeader.TOO_LONG || !FixedHeader.validFirstByte(data.get(at) & 0xff, level)) {
      return Verdict.REJECT;
    }
    long remaining = FixedHeader.remainingLength(data, at, headerLength);
    if (remaining > maxBuffered) {
      return Verdict.REJECT;
    }
    long next = at + headerLength + remaining;
    if (next > data.limit()) {
      return Verdict.WAIT;
    }
    if (next == data.limit()) {
      return Verdict.ACCEPT;
    }
    return FixedHeader.validFirstByte(data.get((int) next) & 0xff, level) ? Verdict.ACCEPT : Verdict.REJECT;
  }
}
