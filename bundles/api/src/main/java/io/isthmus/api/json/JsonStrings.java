package io.isthmus.api.json;

import java.io.IOException;

/**
 * JSON string escaping, in the two flavours Isthmus writes.
 *
 * <p>{@link #append} is what {@link JsonWriter} writes (RFC 8259): {@code "} and backslash escaped;
 * the control characters below U+0020 as {@code \b \f \n \r \t} or as six-character escapes
 * (backslash, {@code u}, four lower-case hex digits); U+2028 and U+2029 escaped the same way, so a
 * JSON line stays one line for a JavaScript reader; a lone surrogate, which has no UTF-8 form, as
 * U+FFFD. Everything else, non-ASCII included, is written as it is.
 *
 * <p>{@link #appendCanonical} escapes only what canonical JSON (RFC 8785) escapes: {@code "},
 * backslash and the control characters, spelt as above; U+2028, U+2029 and lone surrogates are
 * written as they are. The audit log hashes text written this way, so it never changes.
 */
public final class JsonStrings {

  private static final String[] CONTROL = new String[0x20];

  static {
    for (int c = 0; c < CONTROL.length; c++) {
      CONTROL[c] = String.format("\\u%04x", c);
    }
    CONTROL['\b'] = "\\b";
    CONTROL['\f'] = "\\f";
    CONTROL['\n'] = "\\n";
    CONTROL['\r'] = "\\r";
    CONTROL['\t'] = "\\t";
  }

  private static final char LINE_SEPARATOR = 0x2028;
  private static final char PARAGRAPH_SEPARATOR = 0x2029;
  private static final String REPLACEMENT = String.valueOf((char) 0xfffd);

  private JsonStrings() {}

  /** Appends {@code text} as a JSON string, quotes included, escaped as {@link JsonWriter} does. */
  public static void append(StringBuilder out, CharSequence text) {
    try {
      escape(out, text, false);
    } catch (IOException e) {
      throw new AssertionError("a StringBuilder does not throw", e);
    }
  }

  /** Appends {@code text} as a canonical JSON string (RFC 8785), quotes included. */
  public static void appendCanonical(StringBuilder out, CharSequence text) {
    try {
      escape(out, text, true);
    } catch (IOException e) {
      throw new AssertionError("a StringBuilder does not throw", e);
    }
  }

  static void escape(Appendable out, CharSequence text, boolean canonical) throws IOException {
    out.append('"');
    int n = text.length();
    int unwritten = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && c < LINE_SEPARATOR) {
        continue;
      }
      String escaped;
      if (c < 0x20) {
        escaped = CONTROL[c];
      } else if (c == '"') {
        escaped = "\\\"";
      } else if (c == '\\') {
        escaped = "\\\\";
      } else if (canonical) {
        continue;
      } else if (c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR) {
        escaped = c == LINE_SEPARATOR ? "\\u2028" : "\\u2029";
      } else if (!Character.isSurrogate(c)) {
        continue;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      } else {
        escaped = REPLACEMENT;
      }
      out.append(text, unwritten, i).append(escaped);
      unwritten = i + 1;
    }
    out.append(text, unwritten, n).append('"');
  }
}
