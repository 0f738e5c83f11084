package io.isthmus.protocol.dnp3.internal;

import java.nio.ByteBuffer;

/**
 * CRC-16/DNP (IEEE 1815 link layer): reflected polynomial 0x3D65 (0xA6BC), initial value 0,
 * result inverted, sent least significant byte first after every block it protects.
 */
final class Crc16Dnp {
  private static final int[] TABLE = new int[256];

  static {
    for (int i = 0; i < 256; i++) {
      int crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA6BC : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private Crc16Dnp() {}

  /** The CRC of {@code length} bytes of {@code data} from absolute index {@code from}. */
  static int of(ByteBuffer data, int from, int length) {
    int crc = 0;
    for (int i = from; i < from + length; i++) {
      crc = TABLE[(crc ^ data.get(i)) & 0xff] ^ (crc >>> 8);
    }
    return ~crc & 0xffff;
  }

  static int of(byte[] data, int from, int length) {
    return of(ByteBuffer.wrap(data), from, length);
  }

  /** Whether the block of {@code length} bytes at {@code from} is followed by its correct CRC. */
  static boolean blockValid(ByteBuffer data, int from, int length) {
    int crc = of(data, from, length);
    int at = from + length;
    return (data.get(at) & 0xff) == (crc & 0xff) && (data.get(at + 1) & 0xff) == crc >>> 8;
  }
}
