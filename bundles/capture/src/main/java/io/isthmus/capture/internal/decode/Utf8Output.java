package io.isthmus.capture.internal.decode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Output bytes built in place and handed to the stream in large writes. Strings are written as
 * UTF-8 JSON string literals: quotes, backslash and control characters escaped, other characters
 * as they are, and a lone surrogate (which has no UTF-8 form) as U+FFFD, so the output is always
 * valid UTF-8.
 */
final class Utf8Output {
  private static final int FLUSH_AT = 1 << 16;
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** "00" to "99", two bytes each: numbers are written two digits at a time. */
  private static final byte[] PAIRS = new byte[200];
  private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  private final OutputStream out;
  private byte[] buf;
  private int count;

  Utf8Output(OutputStream out) {
    this(out, FLUSH_AT + 8192);
  }

  Utf8Output(OutputStream out, int capacity) {
    this.out = out;
    this.buf = new byte[capacity];
  }

  /** A copy of what is buffered. */
  byte[] buffered() {
    return Arrays.copyOf(buf, count);
  }

  /** How many bytes are buffered. */
  int size() {
    return count;
  }

  /** A copy of the bytes buffered from {@code from} on (from a {@link #size} taken since the last flush). */
  byte[] copy(int from) {
    return Arrays.copyOfRange(buf, from, count);
  }

  /** Writes what is buffered if it is a large write's worth. */
  void flushIfFull() throws IOException {
    if (count >= FLUSH_AT) {
      drain();
    }
  }

  void flush() throws IOException {
    drain();
    out.flush();
  }

  private void drain() throws IOException {
    if (count > 0) {
      int n = count;
      count = 0;
      out.write(buf, 0, n);
    }
  }

  /** Forgets what is buffered (after the stream failed). */
  void discard() {
    count = 0;
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
    }
  }

  void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, count, bytes.length);
    count += bytes.length;
  }

  void raw(char ascii) {
    ensure(1);
    buf[count++] = (byte) ascii;
  }

  void number(long v) {
    if (v == Long.MIN_VALUE) {
      raw(MIN_LONG);
      return;
    }
    ensure(20);
    if (v < 0) {
      buf[count++] = '-';
      v = -v;
    }
    int digits = digits(v);
    int at = count + digits;
    count = at;
    while (v >= 100) {
      int pair = (int) (v % 100);
      v /= 100;
      buf[--at] = PAIRS[2 * pair + 1];
      buf[--at] = PAIRS[2 * pair];
    }
    if (v >= 10) {
      buf[--at] = PAIRS[2 * (int) v + 1];
      buf[--at] = PAIRS[2 * (int) v];
    } else {
      buf[--at] = (byte) ('0' + v);
    }
  }

  private static int digits(long v) {
    long bound = 10;
    for (int d = 1; d < 19; d++) {
      if (v < bound) {
        return d;
      }
      bound *= 10;
    }
    return 19;
  }

  /** Epoch seconds with six decimals, from microseconds: {@code 1342774499.588269}. */
  void seconds(long micros) {
    if (micros < 0) {
      raw('-');
      micros = micros == Long.MIN_VALUE ? Long.MAX_VALUE : -micros;
    }
    number(micros / 1_000_000);
    ensure(7);
    buf[count++] = '.';
    int fraction = (int) (micros % 1_000_000);
    for (int i = count + 5; i >= count; i--) {
      buf[i] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    count += 6;
  }

  /** A JSON string literal, quotes included. */
  void string(String s) {
    int n = s.length();
    ensure(2 + 6 * n);
    byte[] b = buf;
    int p = count;
    b[p++] = '"';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
          b[p++] = (byte) c;
        } else {
          p = escape(b, p, c);
        }
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | c >> 6);
        b[p++] = (byte) (0x80 | c & 0x3f);
      } else if (Character.isSurrogate(c)) {
        char low = i + 1 < n ? s.charAt(i + 1) : 0;
        if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
          int cp = Character.toCodePoint(c, low);
          i++;
          b[p++] = (byte) (0xf0 | cp >> 18);
          b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
          b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
          b[p++] = (byte) (0x80 | cp & 0x3f);
        } else {
          p = threeBytes(b, p, '\ufffd');
        }
      } else if (c == '\u2028' || c == '\u2029') {
        // Valid JSON, but they end a line in JavaScript: escaped so every consumer sees one record per line.
        p = escape(b, p, c);
      } else {
        p = threeBytes(b, p, c);
      }
    }
    b[p++] = '"';
    count = p;
  }

  private static int threeBytes(byte[] b, int p, char c) {
    b[p++] = (byte) (0xe0 | c >> 12);
    b[p++] = (byte) (0x80 | c >> 6 & 0x3f);
    b[p++] = (byte) (0x80 | c & 0x3f);
    return p;
  }

  private static int escape(byte[] b, int p, char c) {
    b[p++] = '\\';
    switch (c) {
      case '"' -> b[p++] = '"';
      case '\\' -> b[p++] = '\\';
      case '\n' -> b[p++] = 'n';
      case '\r' -> b[p++] = 'r';
      case '\t' -> b[p++] = 't';
      case '\b' -> b[p++] = 'b';
      case '\f' -> b[p++] = 'f';
      default -> {
        b[p++] = 'u';
        b[p++] = HEX[c >> 12 & 0xf];
        b[p++] = HEX[c >> 8 & 0xf];
        b[p++] = HEX[c >> 4 & 0xf];
        b[p++] = HEX[c & 0xf];
      }
    }
    return p;
  }
}
