package io.isthmus.discovery.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the launcher asks {@code isthmus discover} for, as a map of JDK types.
 *
 * @param inputs captures to replay
 * @param format {@code table} or {@code json}
 * @param out where the devices go (not closed)
 * @param err one-line messages and the summary
 * @param dataDir the data directory, for messages
 */
record DiscoverRequest(List<String> inputs, String format, OutputStream out, PrintStream err, @Nullable String dataDir) {
  static final String TABLE = "table";
  static final String JSON = "json";
  static final List<String> FORMATS = List.of(TABLE, JSON);

  static DiscoverRequest from(Map<String, Object> params) {
    Object inputs = params.get("inputs");
    if (!(inputs instanceof List<?> list)) {
      throw new IllegalArgumentException("the discover request has no list of 'inputs'");
    }
    Object format = params.get("format");
    Object dataDir = params.get("dataDir");
    return new DiscoverRequest(list.stream().map(String::valueOf).toList(), format == null ? TABLE : format.toString(),
        (OutputStream) required(params, "out"), (PrintStream) required(params, "err"),
        dataDir == null ? null : dataDir.toString());
  }

  private static Object required(Map<String, Object> params, String key) {
    Object v = params.get(key);
    if (v == null) {
      throw new IllegalArgumentException("the discover request has no '" + key + "'");
    }
    return v;
  }
}
