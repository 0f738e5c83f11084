package io.isthmus.protocol.mqtt.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tshark's {@code -T fields} output for a capture (see the test resources' README for the
 * command): one row per frame with MQTT in it. Several MQTT packets in one frame show as
 * comma-separated occurrences of each field, in packet order; a field a packet lacks is simply
 * absent from the list.
 */
record TsharkView(List<String> columns, List<Map<String, List<String>>> frames) {

  static TsharkView read(String resource) throws IOException {
    List<Map<String, List<String>>> frames = new ArrayList<>();
    List<String> columns;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TsharkView.class.getResourceAsStream("/" + resource), StandardCharsets.UTF_8))) {
      columns = List.of(in.readLine().split("\t", -1));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] values = line.split("\t", -1);
        Map<String, List<String>> frame = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          String v = i < values.length ? values[i] : "";
          frame.put(columns.get(i), v.isEmpty() ? List.of() : List.of(v.split(",", -1)));
        }
        frames.add(frame);
      }
    }
    return new TsharkView(columns, frames);
  }

  /** {@code frame.time_epoch} (nanoseconds in pcapng) cut to the capture reader's microseconds. */
  static long micros(String epoch) {
    int dot = epoch.indexOf('.');
    String fraction = (epoch.substring(dot + 1) + "000000").substring(0, 6);
    return Long.parseLong(epoch.substring(0, dot)) * 1_000_000L + Long.parseLong(fraction);
  }
}
