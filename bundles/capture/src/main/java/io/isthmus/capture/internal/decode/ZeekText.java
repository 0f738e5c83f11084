package io.isthmus.capture.internal.decode;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Values as a person reads them in a terminal: Zeek's TSV spellings, one line, no control characters. */
final class ZeekText {
  static final String UNSET = "-";
  static final String EMPTY = "(empty)";

  private ZeekText() {}

  private static long cachedSecond = Long.MIN_VALUE;
  private static String cachedPrefix = "";

  /** ISO-8601 in UTC with microseconds: {@code 2012-07-20T09:34:59.588269Z}. */
  static String time(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    String prefix = prefix(seconds);
    StringBuilder s = new StringBuilder(prefix.length() + 7).append(prefix);
    for (int digit = 100_000; digit > 0; digit /= 10) {
      s.append((char) ('0' + fraction / digit % 10));
    }
    return s.append('Z').toString();
  }

  /** Date and time to the second with the decimal point; rows come in time order, so the last one is kept. */
  private static synchronized String prefix(long seconds) {
    if (seconds != cachedSecond) {
      String text;
      try {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        text = String.format(Locale.ROOT, "%sT%02d:%02d:%02d.", t.toLocalDate(), t.getHour(), t.getMinute(), t.getSecond());
      } catch (DateTimeException e) {
        text = seconds + ".";
      }
      cachedPrefix = text;
      cachedSecond = seconds;
    }
    return cachedPrefix;
  }

  static String value(@Nullable Object v) {
    if (v == null) {
      return UNSET;
    }
    if (v instanceof Boolean b) {
      return b ? "T" : "F";
    }
    if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        return EMPTY;
      }
      StringBuilder s = new StringBuilder();
      for (Object e : c) {
        if (s.length() > 0) {
          s.append(',');
        }
        s.append(value(e));
      }
      return s.toString();
    }
    return printable(v.toString());
  }

  /** Control characters (which would break the line or the alignment) as {@code \xNN}. */
  static String printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isControl(s.charAt(i))) {
        StringBuilder out = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (int j = i; j < s.length(); j++) {
          char c = s.charAt(j);
          if (isControl(c)) {
            out.append(String.format(Locale.ROOT, "\\x%02x", (int) c & 0xff));
          } else {
            out.append(c);
          }
        }
        return out.toString();
      }
    }
    return s;
  }

  private static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7f && c < 0xa0 || c == '\u2028' || c == '\u2029';
  }
}
