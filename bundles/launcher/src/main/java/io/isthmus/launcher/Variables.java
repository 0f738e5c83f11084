package io.isthmus.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feature variables ({@code ${name}} in configuration values and launching properties): the
 * launcher's own values ({@code isthmus.home}, {@code isthmus.data}) override the defaults a
 * feature declares in its {@code variables} section.
 */
final class Variables {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");

  private final Map<String, String> values;

  Variables(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  static Variables of(Map<String, Object> declared, Map<String, String> launcher) {
    Map<String, String> all = new HashMap<>();
    declared.forEach((k, v) -> {
      if (v != null) {
        all.put(k, v.toString());
      }
    });
    all.putAll(launcher);
    return new Variables(all);
  }

  String substitute(String text, String where) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new UsageException(where + " uses the variable ${" + m.group(1) + "}, which no feature declares");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  Object substituteValue(Object value, String where) {
    if (value instanceof String s) {
      return substitute(s, where);
    }
    if (value.getClass().isArray() && value.getClass().getComponentType() == String.class) {
      String[] in = (String[]) value;
      String[] out = new String[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = substitute(in[i], where);
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(o instanceof String s ? substitute(s, where) : o);
      }
      return out;
    }
    return value;
  }

  Map<String, Object> substituteAll(Map<String, Object> config, String where) {
    Map<String, Object> out = new LinkedHashMap<>();
    config.forEach((k, v) -> out.put(k, v == null ? null : substituteValue(v, where + " key '" + k + "'")));
    return out;
  }
}
