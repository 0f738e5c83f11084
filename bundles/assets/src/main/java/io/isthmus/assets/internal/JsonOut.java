package io.isthmus.assets.internal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** A small JSON writer (RFC 8259): objects and arrays are opened and closed by the caller, commas are placed here. */
final class JsonOut {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder out = new StringBuilder();
  private boolean first = true;

  /** Opens an object or array, as a value (after a key, in an array, or at the top). */
  JsonOut open(char bracket) {
    separate();
    out.append(bracket);
    first = true;
    return this;
  }

  JsonOut close(char bracket) {
    out.append(bracket);
    first = false;
    return this;
  }

  /** Starts a member of the current object. */
  JsonOut key(String name) {
    separate();
    string(name);
    out.append(':');
    first = true;
    return this;
  }

  JsonOut value(String text) {
    separate();
    string(text);
    return this;
  }

  JsonOut nullableValue(Object value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value.toString());
    }
    return this;
  }

  JsonOut number(long value) {
    separate();
    out.append(value);
    return this;
  }

  JsonOut strings(Collection<String> values) {
    open('[');
    values.forEach(this::value);
    return close(']');
  }

  /** An object of string members, sorted by name so output is reproducible. */
  JsonOut stringMap(Map<String, String> values) {
    open('{');
    new TreeMap<>(values).forEach((k, v) -> key(k).value(v));
    return close('}');
  }

  private void separate() {
    if (!first) {
      out.append(',');
    }
    first = false;
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
