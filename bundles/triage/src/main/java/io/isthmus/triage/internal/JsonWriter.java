package io.isthmus.triage.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A small streaming JSON writer: objects, arrays, strings, numbers, booleans. */
final class JsonWriter {

  private final StringBuilder out = new StringBuilder(512);
  // One entry per open object or array: whether the next member needs a comma before it.
  private final Deque<Boolean> needsComma = new ArrayDeque<>();
  private boolean afterName;

  JsonWriter beginObject() {
    separate();
    out.append('{');
    needsComma.push(false);
    return this;
  }

  JsonWriter endObject() {
    needsComma.pop();
    out.append('}');
    return this;
  }

  JsonWriter beginArray() {
    separate();
    out.append('[');
    needsComma.push(false);
    return this;
  }

  JsonWriter endArray() {
    needsComma.pop();
    out.append(']');
    return this;
  }

  JsonWriter name(String name) {
    separate();
    string(name);
    out.append(':');
    afterName = true;
    return this;
  }

  JsonWriter value(@Nullable String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  JsonWriter value(long value) {
    separate();
    out.append(value);
    return this;
  }

  JsonWriter value(double value) {
    separate();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      out.append("null");
    } else {
      // Up to 4 decimals, no trailing zeros: scores read 0.93, not 0.9300000000000001.
      String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
      out.append(text);
    }
    return this;
  }

  JsonWriter value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  JsonWriter field(String name, @Nullable String value) {
    return name(name).value(value);
  }

  JsonWriter field(String name, long value) {
    return name(name).value(value);
  }

  JsonWriter field(String name, double value) {
    return name(name).value(value);
  }

  JsonWriter field(String name, boolean value) {
    return name(name).value(value);
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (!needsComma.isEmpty()) {
      if (needsComma.peek()) {
        out.append(',');
      } else {
        needsComma.pop();
        needsComma.push(true);
      }
    }
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
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
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
