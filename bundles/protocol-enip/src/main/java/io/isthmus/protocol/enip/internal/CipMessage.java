package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * One CIP message (Message Router request or response) in {@code [start, end)} of a buffer.
 * A request is service, path size in words, path, data; a response is service with bit 7 set, a
 * reserved byte, general status, extended status size in words, extended status, data.
 *
 * @param extendedStatus the first extended status word, -1 if there is none
 * @param icsnppExtendedStatus the extended status as ICSNPP reads it (size taken as bytes, big-endian), -1 if none
 * @param error why the message is malformed; {@code null} if it parsed
 */
record CipMessage(ByteBuffer buffer, int start, int end, int service, boolean response, CipPath path,
    int pathStart, int pathEnd, int status, int extendedStatus, long icsnppExtendedStatus,
    int dataStart, @Nullable String error) {

  int code() {
    return service & 0x7f;
  }

  int dataLength() {
    return end - dataStart;
  }

  static CipMessage parse(ByteBuffer b, int start, int end) {
    int length = end - start;
    if (length < 1) {
      return failed(b, start, end, 0, false, "empty CIP message");
    }
    int service = Le.u8(b, start);
    boolean response = (service & 0x80) != 0;
    if (!response) {
      if (length < 2) {
        return failed(b, start, end, service, false, "CIP request of 1 byte has no path size");
      }
      int pathEnd = start + 2 + 2 * Le.u8(b, start + 1);
      if (pathEnd > end) {
        return failed(b, start, end, service, false, "request path of " + Le.u8(b, start + 1)
            + " words runs past the " + length + "-byte message");
      }
      CipPath path = Epath.parse(b, start + 2, pathEnd);
      return new CipMessage(b, start, end, service, false, path, start + 2, pathEnd, -1, -1, -1, pathEnd, null);
    }
    if (length < 4) {
      return failed(b, start, end, service, true, "CIP response of " + length + " bytes has no status");
    }
    int status = Le.u8(b, start + 2);
    int extWords = Le.u8(b, start + 3);
    int dataStart = start + 4 + 2 * extWords;
    if (dataStart > end) {
      return new CipMessage(b, start, end, service, true, CipPath.NONE, start, start, status, -1, -1, end,
          "extended status of " + extWords + " words runs past the " + length + "-byte message");
    }
    int extended = extWords > 0 ? Le.u16(b, start + 4) : -1;
    return new CipMessage(b, start, end, service, true, CipPath.NONE, start, start, status, extended,
        icsnppExtended(b, start + 4, extWords), dataStart, null);
  }

  /** ICSNPP takes the size as a byte count and joins up to four bytes big-endian. */
  private static long icsnppExtended(ByteBuffer b, int at, int size) {
    if (size == 0) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < Math.min(size, 4); i++) {
      value = value << 8 | Le.u8(b, at + i);
    }
    return value;
  }

  private static CipMessage failed(ByteBuffer b, int start, int end, int service, boolean response, String why) {
    return new CipMessage(b, start, end, service, response, CipPath.NONE, start, start, -1, -1, -1, end, why);
  }
}
