package io.isthmus.capture.internal.decode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What the launcher asks for, passed across the framework boundary as a map of JDK types.
 *
 * @param files capture files, as the user named them
 * @param format {@code zeek-json} or {@code table}
 * @param protocols the decoders to use by protocol name; empty for all
 * @param out where the rows go (buffered here; not closed)
 * @param err one-line messages, the progress bar and the summary
 * @param progress whether to draw a progress bar (stderr is a terminal)
 * @param quiet no progress bar and no summary
 */
record DecodeRequest(List<String> files, String format, List<String> protocols, OutputStream out, PrintStream err,
    boolean progress, boolean quiet) {
  static final String ZEEK_JSON = "zeek-json";
  static final String TABLE = "table";
  static final List<String> FORMATS = List.of(ZEEK_JSON, TABLE);

  static DecodeRequest from(Map<String, Object> params) {
    return new DecodeRequest(strings(params.get("files")), String.valueOf(params.getOrDefault("format", ZEEK_JSON)),
        strings(params.getOrDefault("protocols", List.of())), (OutputStream) required(params, "out"),
        (PrintStream) required(params, "err"), Boolean.TRUE.equals(params.get("progress")),
        Boolean.TRUE.equals(params.get("quiet")));
  }

  private static Object required(Map<String, Object> params, String key) {
    Object v = params.get(key);
    if (v == null) {
      throw new IllegalArgumentException("the decode request has no '" + key + "'");
    }
    return v;
  }

  private static List<String> strings(Object v) {
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException("the decode request's files and protocols must be lists");
    }
    return list.stream().map(String::valueOf).toList();
  }
}
