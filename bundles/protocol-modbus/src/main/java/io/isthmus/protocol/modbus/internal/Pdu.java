package io.isthmus.protocol.modbus.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One PDU (function code first) read by absolute offsets, big-endian as Modbus is. */
final class Pdu {
  private final byte[] bytes;
  private final int start;
  private final int length;
  private @Nullable List<Integer> registers;
  private int registersAt;
  private @Nullable List<Integer> bits;
  private int bitsAt;

  /** The PDU in {@code bytes} from {@code start}; the array is read, never kept past the PDU's decoding. */
  Pdu(byte[] bytes, int start, int length) {
    this.bytes = bytes;
    this.start = start;
    this.length = length;
  }

  int length() {
    return length;
  }

  int function() {
    return u8(0);
  }

  /** Bytes after the function code. */
  int dataLength() {
    return length - 1;
  }

  int u8(int at) {
    return bytes[start + at] & 0xff;
  }

  int u16(int at) {
    return u8(at) << 8 | u8(at + 1);
  }

  /**
   * Registers (16-bit values) from {@code at}, unmodifiable. The event and the Zeek rows of a PDU
   * ask for the same registers, so the last list is kept and given again.
   */
  List<Integer> registers(int at, int count) {
    if (registers != null && registersAt == at && registers.size() == count) {
      return registers;
    }
    Integer[] values = new Integer[count];
    for (int i = 0; i < count; i++) {
      values[i] = Uint16.box(u16(at + 2 * i));
    }
    registersAt = at;
    registers = Collections.unmodifiableList(Arrays.asList(values));
    return registers;
  }

  /**
   * The first {@code count} bits from {@code at}, least significant bit of each byte first, as 0
   * and 1, unmodifiable; the last list is kept as {@link #registers} keeps its.
   */
  List<Integer> bits(int at, int count) {
    if (bits != null && bitsAt == at && bits.size() == count) {
      return bits;
    }
    Integer[] out = new Integer[count];
    for (int i = 0; i < count; i++) {
      out[i] = u8(at + i / 8) >> (i % 8) & 1;
    }
    bitsAt = at;
    bits = Collections.unmodifiableList(Arrays.asList(out));
    return bits;
  }

  String latin1(int at, int count) {
    char[] chars = new char[count];
    for (int i = 0; i < count; i++) {
      chars[i] = (char) u8(at + i);
    }
    return new String(chars);
  }

  /**
   * Bytes as Zeek's ASCII log writer spells a string: printable ASCII as is, a backslash doubled,
   * every other byte as {@code \xNN}. Stops at the end of the PDU, as a Zeek slice does.
   */
  String escaped(int at, int count) {
    int end = Math.min(at + Math.max(count, 0), length);
    StringBuilder s = new StringBuilder(Math.max(end - at, 0));
    for (int i = at; i < end; i++) {
      int b = u8(i);
      if (b == '\\') {
        s.append("\\\\");
      } else if (b >= 0x20 && b < 0x7f) {
        s.append((char) b);
      } else {
        s.append('\\').append('x').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return s.toString();
  }

  /** The byte at {@code at}, or 0 past the end: what Zeek's {@code bytestring_to_count(s[i])} gives. */
  int u8OrZero(int at) {
    return at < length ? u8(at) : 0;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();
}
