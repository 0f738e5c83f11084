package io.isthmus.protocol.bacnet.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tag values decoded by the standard (ASHRAE 135 clause 20.2) for events: signed integers of any
 * length, doubles, character sets, bit strings without their unused bits. Context-tagged data
 * whose type only the service knows is shown as hex.
 */
final class Values {
  /** Longest text put into an event; BACnet allows far longer strings than any analyst reads. */
  static final int MAX_TEXT = 1024;

  private Values() {}

  static String value(Tags t, int i) {
    byte[] b = t.buffer;
    int at = t.offset[i];
    int len = t.length[i];
    if (t.context[i]) {
      return hex(b, at, len);
    }
    return switch (t.number[i]) {
      case 0 -> "null";
      case 1 -> t.lengthA[i] == 1 ? "true" : "false";
      case 2, 9 -> len <= 8 ? Long.toUnsignedString(number(b, at, len, false)) : hex(b, at, len);
      case 3 -> len <= 8 ? Long.toString(number(b, at, len, true)) : hex(b, at, len);
      case 4 -> len == 4 ? Float.toString(Float.intBitsToFloat((int) number(b, at, 4, false))) : hex(b, at, len);
      case 5 -> len == 8 ? Double.toString(Double.longBitsToDouble(number(b, at, 8, false))) : hex(b, at, len);
      case 6 -> hex(b, at, len);
      case 7 -> text(b, at, len);
      case 8 -> bits(b, at, len);
      case 10 -> len == 4 ? date(b, at) : hex(b, at, len);
      case 11 -> len == 4 ? time(b, at) : hex(b, at, len);
      case 12 -> len == 4 ? objectIdentifier(t.objectType(i), t.instance(i)) : hex(b, at, len);
      default -> hex(b, at, len);
    };
  }

  /** A BACnet character string: the first byte names the character set. */
  static String text(byte[] b, int at, int len) {
    if (len == 0) {
      return "";
    }
    Charset charset = switch (b[at]) {
      case 4 -> StandardCharsets.UTF_16BE;
      case 5 -> StandardCharsets.ISO_8859_1;
      default -> StandardCharsets.UTF_8;
    };
    String s = new String(b, at + 1, Math.min(len - 1, MAX_TEXT * 4), charset);
    int nul = s.indexOf('\0');
    if (nul >= 0) {
      s = s.substring(0, nul);
    }
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }

  static String objectIdentifier(int type, long instance) {
    return Names.OBJECT_TYPES.name(type) + ":" + instance;
  }

  static long number(byte[] b, int at, int len, boolean signed) {
    long v = signed && len > 0 && b[at] < 0 ? -1 : 0;
    for (int k = 0; k < len; k++) {
      v = v << 8 | (b[at + k] & 0xff);
    }
    return v;
  }

  private static String date(byte[] b, int at) {
    int year = b[at] & 0xff;
    return (year == 255 ? "*" : Integer.toString(1900 + year)) + "-" + part(b[at + 1]) + "-" + part(b[at + 2]);
  }

  private static String time(byte[] b, int at) {
    return part(b[at]) + ":" + part(b[at + 1]) + ":" + part(b[at + 2]) + "." + part(b[at + 3]);
  }

  private static String part(byte v) {
    int n = v & 0xff;
    return n == 255 ? "*" : n < 10 ? "0" + n : Integer.toString(n);
  }

  static String hex(byte[] b, int at, int len) {
    int n = Math.min(len, MAX_TEXT / 2);
    StringBuilder s = new StringBuilder(n * 2);
    for (int k = 0; k < n; k++) {
      s.append(Character.forDigit((b[at + k] >> 4) & 0xf, 16)).append(Character.forDigit(b[at + k] & 0xf, 16));
    }
    return s.toString();
  }

  private static String bits(byte[] b, int at, int len) {
    if (len < 1) {
      return "";
    }
    int unused = b[at] & 0x07;
    int total = Math.min((len - 1) * 8 - unused, MAX_TEXT);
    StringBuilder s = new StringBuilder(Math.max(total, 0));
    for (int k = 0; k < total; k++) {
      s.append(((b[at + 1 + k / 8] >> (7 - k % 8)) & 1) == 1 ? '1' : '0');
    }
    return s.toString();
  }
}
