package io.isthmus.protocol.bacnet.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Values spelled exactly as ICSNPP's bacnet analyzer writes them into {@code bacnet_property}:
 * its parse_tag switches on the tag number whatever the class, reads a signed integer of four
 * bytes from the first three, a double from the eight bytes after the first, and names object
 * types from a list that lacks type 31. Only Zeek rows use these spellings; events carry the
 * values {@link Values} decodes by the standard.
 */
final class ZeekValues {
  static final long UINT32_MAX = 0xffff_ffffL;
  /** Longest character string ICSNPP copies; longer ones become a length note. */
  private static final int MAX_STRING = 4096;
  private static final int MAX_OCTETS = 1024;
  private static final int MAX_BITS = 512;
  private static final int FIRST_UNLISTED_VALUE_TYPE = 50;
  private static final int MISSING_OBJECT_TYPE = 31;

  private ZeekValues() {}

  static String value(Tags t, int i) {
    byte[] b = t.buffer;
    int at = t.offset[i];
    int len = t.length[i];
    return switch (t.number[i]) {
      case 1 -> t.lengthA[i] == 1 ? "true" : "false";
      case 2, 9 -> Long.toString(t.unsigned(i));
      case 3 -> Integer.toString(signed(b, at, len));
      case 4 -> len == 4 ? fixed(Float.intBitsToFloat((int) t.unsigned(i))) : fixed(0);
      case 5 -> len == 8 ? fixed(shiftedDouble(b, at, t)) : fixed(0);
      case 6 -> len > MAX_OCTETS ? "<octets len=" + len + ">" : hex(b, at, len);
      case 7 -> string(b, at, len);
      case 8 -> bits(b, at, len);
      case 10 -> len == 4 ? (b[at + 1] & 0xff) + "/" + (b[at + 2] & 0xff) + "/" + ((b[at] & 0xff) + 1900) : "";
      case 11 -> len == 4 ? (b[at] & 0xff) + ":" + (b[at + 1] & 0xff) + ":" + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff) : "";
      case 12 -> len == 4 ? objectIdentifier(t.objectType(i), t.instance(i)) : "";
      default -> "";
    };
  }

  /** A character string as ICSNPP reads it: UTF-8 (charset 0) only, up to the first NUL. */
  static String string(byte[] b, int at, int len) {
    if (len == 0 || b[at] != 0) {
      return "";
    }
    if (len - 1 > MAX_STRING) {
      return "<string len=" + (len - 1) + ">";
    }
    int end = at + 1;
    while (end < at + len && b[end] != 0) {
      end++;
    }
    return new String(b, at + 1, end - at - 1, StandardCharsets.UTF_8);
  }

  /** The property value after main.zeek maps enumerations of some properties to names. */
  static String propertyValue(long property, String value) {
    if (value.isEmpty() || !digits(value)) {
      return value;
    }
    long code;
    try {
      code = Long.parseLong(value);
    } catch (NumberFormatException e) {
      return value;
    }
    Names table = switch ((int) Math.min(property, Integer.MAX_VALUE)) {
      case 36 -> Names.EVENT_STATES;
      case 72 -> Names.NOTIFY_TYPE;
      case 79 -> Names.OBJECT_TYPES;
      case 103 -> Names.RELIABILITY;
      case 107 -> Names.SEGMENTATION;
      case 112 -> Names.DEVICE_STATUS;
      case 117 -> Names.UNITS;
      case 197 -> Names.LOGGING_TYPE;
      default -> null;
    };
    return table == null ? value : table.name(code);
  }

  /** C's {@code %f}: six decimals of the exact binary value, half-even on exact ties. */
  static String fixed(double d) {
    if (Double.isNaN(d)) {
      return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
    }
    if (Double.isInfinite(d)) {
      return d < 0 ? "-inf" : "inf";
    }
    String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    boolean negative = d < 0 || (d == 0 && 1 / d < 0);
    return negative && !s.startsWith("-") ? "-" + s : s;
  }

  private static int signed(byte[] b, int at, int len) {
    return switch (len) {
      case 1 -> b[at];
      case 2 -> (short) ((b[at] & 0xff) << 8 | (b[at + 1] & 0xff));
      case 4 -> (b[at] & 0xff) << 16 | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff);
      default -> 0;
    };
  }

  /** Bytes 1..8 of the tag, the last being the byte after it (0 past the end of the parameters). */
  private static double shiftedDouble(byte[] b, int at, Tags t) {
    long bits = 0;
    int end = t.count == 0 ? b.length : t.offset[t.count - 1] + t.length[t.count - 1];
    for (int k = 1; k <= 8; k++) {
      int index = at + k;
      bits = bits << 8 | (index < end && index < b.length ? b[index] & 0xff : 0);
    }
    return Double.longBitsToDouble(bits);
  }

  static String objectIdentifier(int type, long instance) {
    String name;
    if (type < MISSING_OBJECT_TYPE) {
      name = Names.OBJECT_TYPES.name(type);
    } else if (type < FIRST_UNLISTED_VALUE_TYPE) {
      name = Names.OBJECT_TYPES.name(type + 1L);
    } else {
      name = "unknown_type_" + type;
    }
    return name + ": " + instance;
  }

  private static String hex(byte[] b, int at, int len) {
    StringBuilder s = new StringBuilder(len * 2);
    for (int k = 0; k < len; k++) {
      s.append(Character.forDigit((b[at + k] >> 4) & 0xf, 16)).append(Character.forDigit(b[at + k] & 0xf, 16));
    }
    return s.toString();
  }

  private static String bits(byte[] b, int at, int len) {
    if (len <= 1) {
      return "";
    }
    if (len > MAX_BITS) {
      return "<bits len=" + len + ">";
    }
    StringBuilder s = new StringBuilder((len - 1) * 8);
    for (int k = 1; k < len; k++) {
      for (int bit = 7; bit >= 0; bit--) {
        s.append(((b[at + k] >> bit) & 1) == 1 ? 'T' : 'F');
      }
    }
    return s.toString();
  }

  private static boolean digits(String s) {
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) < '0' || s.charAt(k) > '9') {
        return false;
      }
    }
    return true;
  }
}
