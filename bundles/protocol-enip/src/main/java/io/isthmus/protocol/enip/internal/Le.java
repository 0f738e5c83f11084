package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;

/** Absolute little-endian reads (EtherNet/IP and CIP byte order) and hex text of buffer ranges. */
final class Le {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Le() {}

  static int u8(ByteBuffer b, int at) {
    return b.get(at) & 0xff;
  }

  static int u16(ByteBuffer b, int at) {
    return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8;
  }

  static long u32(ByteBuffer b, int at) {
    return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffff_ffffL;
  }

  /** Eight bytes as one number, for keying (the sender context). */
  static long u64(ByteBuffer b, int at) {
    return u32(b, at) | u32(b, at + 4) << 32;
  }

  static int u16be(ByteBuffer b, int at) {
    return (b.get(at) & 0xff) << 8 | (b.get(at + 1) & 0xff);
  }

  static long u32be(ByteBuffer b, int at) {
    return ((long) u16be(b, at) << 16 | u16be(b, at + 2)) & 0xffff_ffffL;
  }

  /** Lower-case hex of {@code length} bytes from {@code at}, as Zeek's {@code bytestring_to_hexstr}. */
  static String hex(ByteBuffer b, int at, int length) {
    char[] out = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int v = b.get(at + i) & 0xff;
      out[2 * i] = HEX[v >> 4];
      out[2 * i + 1] = HEX[v & 0xf];
    }
    return new String(out);
  }

  /** {@code 0x} and at least {@code digits} lower-case hex digits of a non-negative value: {@code %0Nx} without the formatter. */
  static String hex0x(long value, int digits) {
    String hex = Long.toHexString(value);
    if (hex.length() >= digits) {
      return "0x" + hex;
    }
    return "0x" + "0".repeat(digits - hex.length()) + hex;
  }

  /** Bytes as text the way Zeek's log writer shows a string: printable ASCII, else {@code \xNN}. */
  static String text(ByteBuffer b, int at, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int v = b.get(at + i) & 0xff;
      if (v >= 0x20 && v < 0x7f && v != '\\') {
        s.append((char) v);
      } else {
        s.append("\\x").append(HEX[v >> 4]).append(HEX[v & 0xf]);
      }
    }
    return s.toString();
  }

  static String ipv4(long address) {
    return (address >> 24 & 0xff) + "." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "." + (address & 0xff);
  }
}
