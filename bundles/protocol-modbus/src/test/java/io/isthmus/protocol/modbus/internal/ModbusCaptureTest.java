package io.isthmus.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
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
import org.junit.jupiter.api.Test;

/**
 * The decoder on public captures, through the real capture reader, compared with the Zeek ICSNPP
 * logs for the same file and with the PDU counts tshark 4.0 reports.
 */
class ModbusCaptureTest {
  /** The modbus_detailed.log columns compared, after ts, uid and the connection id. */
  private static final List<String> DETAILED = List.of("tid", "unit", "func", "address", "quantity", "request_values",
      "response_values", "matched", "request_subfunction_code", "response_subfunction_code", "request_data",
      "response_data", "exception_code", "mei_type");

  private static OfflineReplay.Result replay(String capture) throws IOException {
    try (InputStream in = ModbusCaptureTest.class.getResourceAsStream("/" + capture)) {
      return OfflineReplay.run(in, capture, new ModbusDecoder(Set.of(502)));
    }
  }

  /** Data rows of a Zeek TSV log, as column name to value. */
  private static List<Map<String, String>> zeekLog(String resource, List<String> columns) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        ModbusCaptureTest.class.getResourceAsStream("/" + resource), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] values = line.split("\t", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i), values[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static long count(OfflineReplay.Result r, Direction direction) {
    return r.events().stream().filter(e -> e.direction() == direction).count();
  }

  private static Map<Integer, Long> byFunction(OfflineReplay.Result r) {
    return r.events().stream().collect(Collectors.groupingBy(e -> (Integer) e.fields().get("func_code"), TreeMap::new,
        Collectors.counting()));
  }

  @Test
  void modbusExampleAgreesWithZeeksModbusLog() throws IOException {
    OfflineReplay.Result r = replay("modbus_example.pcap");
    // ICSNPP's baseline keeps Zeek's response rows only, without tid, unit and pdu_type.
    List<String> zeek = zeekLog("modbus_example.zeek/modbus.log",
        List.of("ts", "uid", "orig_h", "orig_p", "resp_h", "resp_p", "func", "exception")).stream()
        .map(row -> row.get("orig_h") + ":" + row.get("orig_p") + " " + row.get("func") + " " + row.get("exception"))
        .toList();
    List<String> ours = r.events().stream().filter(e -> e.direction() == Direction.RESPONSE)
        .map(e -> e.destination().ip() + ":" + e.destination().port() + " " + e.operation() + " "
            + e.fields().getOrDefault("exception_code", "-"))
        .toList();
    assertEquals(24, zeek.size());
    assertEquals(zeek, ours);
    assertEquals(48, r.events().size());
    assertEquals(Map.of(), r.weirds());
  }

  @Test
  void modbusExampleAgreesWithIcsnppsDetailedLog() throws IOException {
    OfflineReplay.Result r = replay("modbus_example.pcap");
    List<String> columns = new ArrayList<>(List.of("ts", "uid", "orig_h", "orig_p", "resp_h", "resp_p"));
    columns.addAll(DETAILED.subList(0, 7));
    columns.addAll(List.of("modbus_detailed_link_id"));
    columns.addAll(DETAILED.subList(7, DETAILED.size()));
    List<Map<String, String>> rows = zeekLog("modbus_example.zeek/modbus_detailed.log", columns);
    Map<String, Map<String, String>> pairs = pairs(r.events());
    Map<String, List<String>> outcome = new TreeMap<>();
    for (Map<String, String> row : rows) {
      String key = row.get("orig_h") + ":" + row.get("orig_p") + "/" + row.get("tid");
      Map<String, String> ours = pairs.get(key);
      assertTrue(ours != null, "no request/response pair for " + key);
      for (String column : DETAILED) {
        String theirs = row.get(column);
        String mine = ours.getOrDefault(column, "-");
        String verdict = theirs.equals(mine) ? "agree" : theirs.equals("-") ? "extra" : mine.equals("-") ? "missing" : "differ";
        outcome.computeIfAbsent(verdict, k -> new ArrayList<>()).add(row.get("func") + "/" + row.get("tid") + "." + column);
      }
    }
    System.out.printf("modbus_detailed.log: %d rows, %d values compared: %d agree, %d differ, %d only in ICSNPP %s,"
            + " %d only here %s%n", rows.size(), rows.size() * DETAILED.size(), outcome.get("agree").size(),
        outcome.getOrDefault("differ", List.of()).size(), outcome.getOrDefault("missing", List.of()).size(),
        outcome.getOrDefault("missing", List.of()), outcome.getOrDefault("extra", List.of()).size(),
        outcome.getOrDefault("extra", List.of()));
    assertEquals(26, rows.size());
    assertEquals(List.of(), outcome.getOrDefault("differ", List.of()));
    // ICSNPP puts the padding bits of a coil or input byte into response_data.
    assertEquals(List.of("READ_COILS/1.response_data", "READ_DISCRETE_INPUTS/3.response_data"), outcome.get("missing"));
    // ICSNPP logs Read Exception Status and Report Slave ID as two unpaired rows with no data.
    assertEquals(List.of("READ_EXCEPTION_STATUS/11.response_values", "READ_EXCEPTION_STATUS/11.matched",
        "READ_EXCEPTION_STATUS/11.response_values", "READ_EXCEPTION_STATUS/11.matched",
        "REPORT_SLAVE_ID/15.matched", "REPORT_SLAVE_ID/15.response_data",
        "REPORT_SLAVE_ID/15.matched", "REPORT_SLAVE_ID/15.response_data"), outcome.get("extra"));
  }

  /** Our request and response of each transaction merged into one ICSNPP-like row, by client and tid. */
  private static Map<String, Map<String, String>> pairs(List<TelemetryEvent> events) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (TelemetryEvent e : events) {
      boolean request = e.direction() == Direction.REQUEST;
      String client = request ? e.source().toString() : e.destination().toString();
      Map<String, String> row = out.computeIfAbsent(client + "/" + e.fields().get("tid"), k -> new LinkedHashMap<>());
      Map<String, Object> f = e.fields();
      for (String column : DETAILED) {
        Object value = f.get(column);
        if (value == null || value instanceof List<?> l && l.isEmpty()) {
          continue;
        }
        String text = value instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(","))
            : value instanceof Boolean b ? (b ? "T" : "F")
            : String.valueOf(value);
        if (column.equals("func") && text.endsWith("_EXCEPTION")) {
          text = text.substring(0, text.length() - "_EXCEPTION".length());
        }
        row.putIfAbsent(column, text);
      }
    }
    return out;
  }

  @Test
  void itiModbusTestHasTheRequestsAndResponsesTsharkCounts() throws IOException {
    OfflineReplay.Result r = replay("modbus_test.pcap");
    // tshark 4.0 on the same file: 1142 PDUs to port 502, 1116 from it; function codes 4 and 6.
    assertEquals(1142, count(r, Direction.REQUEST));
    assertEquals(1116, count(r, Direction.RESPONSE));
    assertEquals(Map.of(4, 2132L, 6, 126L), byFunction(r));
    assertEquals(5, r.conversations());
    assertEquals(Map.of(), r.weirds());
    assertTrue(r.events().stream().noneMatch(TelemetryEvent::isMalformed));
  }

  @Test
  void itiModbusPollingWithSeveralPdusPerSegmentAndRetransmissions() throws IOException {
    OfflineReplay.Result r = replay("modbus_polling_ModbusTCP.pcap");
    // tshark 4.0: 15,976 PDUs in 15,387 frames (7,990 to port 502, 7,986 from it).
    assertEquals(15_387, r.packets());
    assertEquals(7_990, count(r, Direction.REQUEST));
    assertEquals(7_986, count(r, Direction.RESPONSE));
    assertEquals(Map.of(1, 3038L, 2, 3146L, 4, 5536L, 15, 4228L, 16, 28L), byFunction(r));
    assertEquals(14, r.conversations());
    assertEquals(Map.of(), r.weirds());
    long matched = r.events().stream().filter(e -> Boolean.TRUE.equals(e.fields().get("matched"))).count();
    assertEquals(7_983, matched);
  }
}
