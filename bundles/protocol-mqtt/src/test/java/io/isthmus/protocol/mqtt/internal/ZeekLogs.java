package io.isthmus.protocol.mqtt.internal;

import io.isthmus.capture.internal.LoggedRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Zeek TSV logs read as rows, and our logged rows spelled as Zeek's TSV writer spells them. */
final class ZeekLogs {
  private ZeekLogs() {}

  /** The data rows of a Zeek TSV log, column names from its {@code #fields} line. */
  static List<Map<String, String>> read(InputStream log) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> names = List.of();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#fields\t")) {
          names = List.of(line.substring("#fields\t".length()).split("\t", -1));
        } else if (!line.startsWith("#") && !line.isEmpty()) {
          String[] values = line.split("\t", -1);
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 0; i < names.size() && i < values.length; i++) {
            row.put(names.get(i), values[i]);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** Our row with the capture layer's id columns, every value as Zeek's TSV text. */
  static Map<String, String> tsv(LoggedRow row) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("id.orig_h", row.conversation().client().ip());
    out.put("id.orig_p", Integer.toString(row.conversation().client().port()));
    out.put("id.resp_h", row.conversation().server().ip());
    out.put("id.resp_p", Integer.toString(row.conversation().server().port()));
    row.row().forEach((k, v) -> out.put(k, tsv(v)));
    return out;
  }

  static String tsv(Object value) {
    if (value instanceof Boolean b) {
      return b ? "T" : "F";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "(empty)" : list.stream().map(ZeekLogs::tsv).collect(Collectors.joining(","));
    }
    String s = String.valueOf(value);
    return s.isEmpty() ? "(empty)" : s;
  }

  /** A row over {@code columns}, unset ones as {@code -}, tab-joined. */
  static String project(Map<String, String> row, List<String> columns) {
    return columns.stream().map(c -> row.getOrDefault(c, "-")).collect(Collectors.joining("\t"));
  }
}
