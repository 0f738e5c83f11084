package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;

/**
 * The class, instance and attribute ICSNPP writes to {@code cip.log} for a request path, read its
 * way: only leading logical segments count, a 32-bit value is assembled with ICSNPP's shift of 13
 * for the third byte, and a reserved format leaves the field unset. Used for log rows only;
 * events carry {@link Epath}'s reading.
 */
final class IcsnppPath {
  private IcsnppPath() {}

  /** {class, instance, attribute}, -1 where ICSNPP leaves the column unset. */
  static long[] parse(ByteBuffer b, int start, int end) {
    long[] ids = {-1, -1, -1};
    int length = end - start;
    int x = 0;
    while (x + 1 < length) {
      int s = Le.u8(b, start + x);
      if (s >> 5 != 1) {
        return ids;
      }
      int choice = (s & 0x1c) >> 2;
      int size = s & 3;
      x += size > 0 ? 2 : 1;
      int width = size == 0 ? 1 : size == 1 ? 2 : 4;
      if (x + (size == 3 ? 0 : width) > length) {
        return ids;
      }
      long value = switch (size) {
        case 0 -> Le.u8(b, start + x);
        case 1 -> Le.u16(b, start + x);
        case 2 -> ((long) Le.u8(b, start + x + 3) << 24 | (long) Le.u8(b, start + x + 2) << 13
            | (long) Le.u8(b, start + x + 1) << 8 | Le.u8(b, start + x)) & 0xffff_ffffL;
        default -> -1;
      };
      if (choice == 0) {
        ids[0] = value;
      } else if (choice == 1) {
        ids[1] = value;
      } else if (choice == 4) {
        ids[2] = value;
      }
      x += width;
    }
    return ids;
  }
}
