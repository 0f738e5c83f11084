package io.isthmus.protocol.mqtt.internal;

import java.nio.ByteBuffer;

/**
 * Zeek's text for a byte string in a log: UTF-8 characters as they are, control characters and
 * bytes that are not UTF-8 as {@code \xNN}.
 */
final class ZeekText {
  private ZeekText() {}

  static String of(ByteBuffer data, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int b = data.get(i) & 0xff;
      int n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      if (n == 1 && b >= 0x20 && b != 0x7f) {
        out.append((char) b);
        i++;
      } else if (n > 1 && i + n <= to && continuations(data, i + 1, n - 1)) {
        byte[] bytes = new byte[n];
        data.get(i, bytes);
        out.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        i += n;
      } else {
        out.append(String.format("\\x%02x", b));
        i++;
      }
    }
    return out.toString();
  }

  private static boolean continuations(ByteBuffer data, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if ((data.get(i) & 0xc0) != 0x80) {
        return false;
      }
    }
    return true;
  }
}
