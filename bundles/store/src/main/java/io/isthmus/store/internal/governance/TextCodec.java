package io.isthmus.store.internal.governance;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Lists and maps in one text column, each item URL-encoded and joined with {@code &}. */
final class TextCodec {

  private TextCodec() {}

  static String list(List<String> items) {
    List<String> encoded = new ArrayList<>();
    items.forEach(i -> encoded.add(encode(i)));
    return String.join("&", encoded);
  }

  static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    if (!text.isEmpty()) {
      for (String part : text.split("&", -1)) {
        out.add(decode(part));
      }
    }
    return out;
  }

  static String map(Map<String, String> entries) {
    List<String> encoded = new ArrayList<>();
    new TreeMap<>(entries).forEach((k, v) -> encoded.add(encode(k) + "=" + encode(v)));
    return String.join("&", encoded);
  }

  static Map<String, String> map(String text) {
    Map<String, String> out = new TreeMap<>();
    if (!text.isEmpty()) {
      for (String part : text.split("&", -1)) {
        int eq = part.indexOf('=');
        out.put(decode(part.substring(0, eq)), decode(part.substring(eq + 1)));
      }
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
