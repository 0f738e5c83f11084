package io.isthmus.governance.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a request body that is one flat JSON object of string (or boolean) values, e.g. {@code {"comment": "..."}};
 * anything else is refused with a message. Enough for the approval API, without a JSON library.
 */
final class JsonFields {

  private final String text;
  private int pos;

  private JsonFields(String text) {
    this.text = text;
  }

  /** The fields of the object; an empty or blank body is an empty object. */
  static Map<String, String> parse(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    if (body.isBlank()) {
      return out;
    }
    JsonFields p = new JsonFields(body);
    p.expect('{');
    if (p.peek() == '}') {
      p.pos++;
    } else {
      do {
        String key = p.string();
        p.expect(':');
        out.put(key, p.value());
      } while (p.comma());
      p.expect('}');
    }
    p.skip();
    if (p.pos != body.length()) {
      throw new IllegalArgumentException("the body must be one JSON object of string values");
    }
    return out;
  }

  private boolean comma() {
    if (peek() == ',') {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw new IllegalArgumentException("the body must be one JSON object of string values (expected '" + c
          + "' at offset " + pos + ")");
    }
    pos++;
  }

  private char peek() {
    skip();
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skip() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  /** A string, or {@code true}/{@code false} as their text. */
  private String value() {
    for (String literal : new String[] {"true", "false"}) {
      if (peek() == literal.charAt(0) && text.startsWith(literal, pos)) {
        pos += literal.length();
        return literal;
      }
    }
    return string();
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= text.length()) {
        break;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw new IllegalArgumentException("bad \\u escape in the body");
          }
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> out.append(e);
      }
    }
    throw new IllegalArgumentException("the body has an unterminated string");
  }
}
