package io.isthmus.analyze.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What the launcher asks for, passed across the framework boundary as a map of JDK types.
 *
 * @param baselines captures to learn from, as the user named them; may be empty
 * @param inputs captures to report findings on
 * @param format {@code jsonl} or {@code table}
 * @param models the model ids whose findings are reported; empty for all
 * @param out where the findings go (buffered here; not closed)
 * @param err one-line messages, the progress line and the summary
 * @param progress whether to draw a progress line (standard error is a terminal)
 * @param quiet no progress line and no summary
 */
record AnalyzeRequest(List<String> baselines, List<String> inputs, String format, List<String> models,
    OutputStream out, PrintStream err, boolean progress, boolean quiet) {
  static final String JSONL = "jsonl";
  static final String TABLE = "table";
  static final List<String> FORMATS = List.of(JSONL, TABLE);

  static AnalyzeRequest from(Map<String, Object> params) {
    return new AnalyzeRequest(strings(params.getOrDefault("baselines", List.of())), strings(required(params, "inputs")),
        String.valueOf(params.getOrDefault("format", JSONL)), strings(params.getOrDefault("models", List.of())),
        (OutputStream) required(params, "out"), (PrintStream) required(params, "err"),
        Boolean.TRUE.equals(params.get("progress")), Boolean.TRUE.equals(params.get("quiet")));
  }

  private static Object required(Map<String, Object> params, String key) {
    Object v = params.get(key);
    if (v == null) {
      throw new IllegalArgumentException("the analyze request has no '" + key + "'");
    }
    return v;
  }

  private static List<String> strings(Object v) {
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException("the analyze request's files and models must be lists");
    }
    return list.stream().map(String::valueOf).toList();
  }
}
