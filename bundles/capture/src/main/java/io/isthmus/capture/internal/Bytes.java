package io.isthmus.capture.internal;

/** Unsigned reads from byte arrays, big-endian (network order) unless a method says otherwise. */
final class Bytes {
  private Bytes() {}

  static int u8(byte[] b, int at) {
    return b[at] & 0xff;
  }

  static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  static int i32(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  static long u32(byte[] b, int at) {
    return i32(b, at) & 0xffff_ffffL;
  }

  static int u16(byte[] b, int at, boolean bigEndian) {
    int v = u16(b, at);
    return bigEndian ? v : Integer.reverseBytes(v) >>> 16;
  }

  static int i32(byte[] b, int at, boolean bigEndian) {
    int v = i32(b, at);
    return bigEndian ? v : Integer.reverseBytes(v);
  }

  static long u32(byte[] b, int at, boolean bigEndian) {
    return i32(b, at, bigEndian) & 0xffff_ffffL;
  }

  static long i64(byte[] b, int at, boolean bigEndian) {
    long hi = u32(b, at, bigEndian);
    long lo = u32(b, at + 4, bigEndian);
    return bigEndian ? hi << 32 | lo : lo << 32 | hi;
  }
}
