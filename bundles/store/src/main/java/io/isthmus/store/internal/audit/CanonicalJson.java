package io.isthmus.store.internal.audit;

import io.isthmus.api.governance.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Parses JSON and writes it back in the canonical form {@link AuditRecord} defines: members sorted by
 * key (UTF-16 code units, as {@link String#compareTo}), no whitespace, minimal string escapes, numbers
 * exactly as written. Refuses what is not strict JSON (RFC 8259): trailing commas, single quotes,
 * comments, duplicate keys, unpaired surrogates, anything after the value.
 */
final class CanonicalJson {

  private static final int MAX_DEPTH = 64;

  private final String text;
  private int at;

  private CanonicalJson(String text) {
    this.text = text;
  }

  /** The canonical form of a JSON object; {@link IllegalArgumentException} saying why if it is not one. */
  static String canonicalObject(String json) {
    CanonicalJson parser = new CanonicalJson(json);
    parser.skipWhitespace();
    if (parser.at >= json.length() || json.charAt(parser.at) != '{') {
      throw new IllegalArgumentException("payload must be a JSON object, got "
          + (parser.at >= json.length() ? "nothing" : "'" + json.charAt(parser.at) + "' at offset " + parser.at));
    }
    StringBuilder out = new StringBuilder(json.length());
    parser.value(out, 0);
    parser.skipWhitespace();
    if (parser.at != json.length()) {
      throw parser.error("unexpected text after the object");
    }
    return out.toString();
  }

  /** The canonical JSON array of strings. */
  static String stringArray(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append(AuditRecord.quote(values.get(i)));
    }
    return out.append(']').toString();
  }

  /** The strings of a canonical JSON array of strings, or null if {@code json} is not exactly that. */
  static @Nullable List<String> parseStringArray(String json) {
    try {
      CanonicalJson parser = new CanonicalJson(json);
      parser.expect('[');
      List<String> values = new ArrayList<>();
      while (parser.peek() != ']') {
        if (!values.isEmpty()) {
          parser.expect(',');
        }
        values.add(parser.string());
      }
      parser.expect(']');
      return parser.at == json.length() && stringArray(values).equals(json) ? values : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void value(StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
    skipWhitespace();
    char c = peek();
    switch (c) {
      case '{' -> object(out, depth);
      case '[' -> array(out, depth);
      case '"' -> out.append(AuditRecord.quote(string()));
      case 't' -> literal(out, "true");
      case 'f' -> literal(out, "false");
      case 'n' -> literal(out, "null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number(out);
        } else {
          throw error("unexpected '" + c + "'");
        }
      }
    }
  }

  private void object(StringBuilder out, int depth) {
    expect('{');
    Map<String, String> members = new TreeMap<>();
    skipWhitespace();
    if (peek() != '}') {
      do {
        skipWhitespace();
        int keyAt = at;
        String key = string();
        skipWhitespace();
        expect(':');
        StringBuilder member = new StringBuilder();
        value(member, depth + 1);
        if (members.put(key, member.toString()) != null) {
          at = keyAt;
          throw error("duplicate key " + AuditRecord.quote(key));
        }
        skipWhitespace();
      } while (tryConsume(','));
    }
    expect('}');
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> member : members.entrySet()) {
      out.append(first ? "" : ",").append(AuditRecord.quote(member.getKey())).append(':').append(member.getValue());
      first = false;
    }
    out.append('}');
  }

  private void array(StringBuilder out, int depth) {
    expect('[');
    out.append('[');
    skipWhitespace();
    if (peek() != ']') {
      boolean first = true;
      do {
        out.append(first ? "" : ",");
        first = false;
        value(out, depth + 1);
        skipWhitespace();
      } while (tryConsume(','));
    }
    expect(']');
    out.append(']');
  }

  private String string() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (true) {
      char c = next("an unterminated string");
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw error("control character U+" + String.format("%04X", (int) c) + " inside a string");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char escaped = next("an unterminated escape");
      switch (escaped) {
        case '"', '\\', '/' -> value.append(escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> value.append(hexChar());
        default -> throw error("invalid escape \\" + escaped);
      }
    }
    checkSurrogates(value);
    return value.toString();
  }

  private char hexChar() {
    if (at + 4 > text.length()) {
      throw error("a \\u escape needs four hex digits");
    }
    try {
      char c = (char) Integer.parseInt(text.substring(at, at + 4), 16);
      at += 4;
      return c;
    } catch (NumberFormatException e) {
      throw error("a \\u escape needs four hex digits");
    }
  }

  private void checkSurrogates(CharSequence value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw error("unpaired surrogate in a string (not valid Unicode, has no UTF-8 form)");
      }
    }
  }

  private void number(StringBuilder out) {
    int start = at;
    tryConsume('-');
    if (!tryConsume('0')) {
      digits("a digit");
    }
    if (tryConsume('.')) {
      digits("a digit after the decimal point");
    }
    if (tryConsume('e') || tryConsume('E')) {
      if (!tryConsume('+')) {
        tryConsume('-');
      }
      digits("a digit in the exponent");
    }
    out.append(text, start, at);
  }

  private void digits(String what) {
    int start = at;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      at++;
    }
    if (at == start) {
      throw error("expected " + what);
    }
  }

  private void literal(StringBuilder out, String word) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected '" + text.charAt(at) + "'");
    }
    at += word.length();
    out.append(word);
  }

  private void skipWhitespace() {
    while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private char peek() {
    if (at >= text.length()) {
      throw error("unexpected end of the JSON text");
    }
    return text.charAt(at);
  }

  private char next(String what) {
    if (at >= text.length()) {
      throw error(what);
    }
    return text.charAt(at++);
  }

  private boolean tryConsume(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!tryConsume(c)) {
      throw error(at >= text.length() ? "expected '" + c + "' but the text ended" : "expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String why) {
    return new IllegalArgumentException("invalid JSON at offset " + at + ": " + why);
  }
}
