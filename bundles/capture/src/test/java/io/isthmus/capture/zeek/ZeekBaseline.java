package io.isthmus.capture.zeek;

import io.isthmus.api.decode.Conversation;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares the rows a decoder logged with a Zeek TSV log of the same capture, as multisets of
 * rows over the log's columns minus the ignored ones (ts, uid, link ids). Prints every row that
 * differs, so a failing test shows what to look at.
 */
public final class ZeekBaseline {

  /** Columns never compared: capture time and identifiers Zeek makes up. */
  public static final Set<String> ALWAYS_IGNORED = Set.of("ts", "uid");

  /**
   * The outcome of one comparison.
   *
   * @param matched rows present in both (as a multiset)
   * @param onlyZeek rows Zeek logged that we did not, as TSV text
   * @param onlyOurs rows we logged that Zeek did not, as TSV text
   */
  public record Agreement(String path, int zeekRows, int ourRows, int matched, List<String> onlyZeek,
      List<String> onlyOurs) {

    /** Matched rows over the larger of the two row counts; 1.0 when both logs are empty. */
    public double ratio() {
      int total = Math.max(zeekRows, ourRows);
      return total == 0 ? 1.0 : (double) matched / total;
    }

    @Override
    public String toString() {
      return String.format("%s: %d of %d Zeek rows matched (%d ours), agreement %.4f", path, matched, zeekRows,
          ourRows, ratio());
    }
  }

  private ZeekBaseline() {}

  /**
   * Reads a Zeek TSV log. Column names come from its {@code #fields} line or, for baselines
   * without header lines, from {@code columns}.
   */
  public static List<Map<String, String>> read(InputStream log, List<String> columns) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> names = columns;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(log, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#fields\t")) {
          names = List.of(line.substring("#fields\t".length()).split("\t", -1));
          continue;
        }
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        String[] values = line.split("\t", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && i < values.length; i++) {
          row.put(names.get(i), values[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** A logged row as Zeek's TSV writer would spell it, with the {@code id.*} columns. */
  public static Map<String, String> tsv(LoggedRow row) {
    Map<String, String> out = new LinkedHashMap<>();
    Conversation c = row.conversation();
    out.put("uid", c.uid());
    out.put("id.orig_h", c.client().ip());
    out.put("id.orig_p", Integer.toString(c.client().port()));
    out.put("id.resp_h", c.server().ip());
    out.put("id.resp_p", Integer.toString(c.server().port()));
    row.row().forEach((k, v) -> out.put(k, tsv(v)));
    return out;
  }

  /** Zeek's TSV spelling of one value: {@code -} unset, {@code (empty)}, T/F, comma-joined vectors. */
  public static String tsv(@org.jspecify.annotations.Nullable Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Boolean b) {
      return b ? "T" : "F";
    }
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "(empty)" : list.stream().map(ZeekBaseline::tsv).collect(Collectors.joining(","));
    }
    if (value instanceof Double d) {
      return String.format("%.6f", d);
    }
    String s = value.toString();
    return s.isEmpty() ? "(empty)" : s;
  }

  /**
   * Compares {@code ours} with {@code zeek} over Zeek's columns except {@code ignored} and
   * {@link #ALWAYS_IGNORED}; prints each differing row to standard output.
   */
  public static Agreement compare(String path, List<LoggedRow> ours, List<Map<String, String>> zeek,
      Set<String> ignored) {
    List<String> columns = zeek.isEmpty() ? List.of() : new ArrayList<>(zeek.get(0).keySet());
    columns.removeIf(c -> ignored.contains(c) || ALWAYS_IGNORED.contains(c));
    Map<String, Integer> remaining = new TreeMap<>();
    for (Map<String, String> z : zeek) {
      remaining.merge(project(z, columns), 1, Integer::sum);
    }
    int matched = 0;
    List<String> onlyOurs = new ArrayList<>();
    for (LoggedRow r : ours) {
      String key = project(tsv(r), columns);
      Integer n = remaining.get(key);
      if (n != null && n > 0) {
        remaining.put(key, n - 1);
        matched++;
      } else {
        onlyOurs.add(key);
      }
    }
    List<String> onlyZeek = new ArrayList<>();
    remaining.forEach((key, n) -> {
      for (int i = 0; i < n; i++) {
        onlyZeek.add(key);
      }
    });
    Agreement a = new Agreement(path, zeek.size(), ours.size(), matched, onlyZeek, onlyOurs);
    System.out.println(a + "; columns " + String.join(" ", columns));
    onlyZeek.forEach(row -> System.out.println("  only in Zeek: " + row));
    onlyOurs.forEach(row -> System.out.println("  only in ours: " + row));
    return a;
  }

  private static String project(Map<String, String> row, List<String> columns) {
    StringBuilder b = new StringBuilder();
    for (String c : columns) {
      if (b.length() > 0) {
        b.append('\t');
      }
      b.append(row.getOrDefault(c, "-"));
    }
    return b.toString();
  }
}
