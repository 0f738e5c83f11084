package io.isthmus.protocol.enip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.LoggedRow;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each capture against what tshark 4.0 dissected in it (src/test/resources/tshark-enip.tsv, made
 * once with the command in its header): per frame (time and source port), the encapsulation
 * command, the I/O connection and sequence, and each CIP service in order with its
 * request/response bit, general status and, for requests, class.
 */
class TsharkAgreementTest {

  @ParameterizedTest
  @ValueSource(strings = {"enip_cip_example.pcap", "EthernetIP_cip_start_plc.pcap", "EthernetIP_cip_stop_plc.pcap",
      "EthernetIP_enip_test.pcap", "openics_EIP-SoftwareDownload.pcap", "openics_EIP-ViewDeviceStatus.pcap"})
  void everyFrameAgreesWithTshark(String capture) throws IOException {
    Map<String, List<String>> expected = new TreeMap<>();
    Map<String, Boolean> classesAligned = new TreeMap<>();
    for (String[] f : tshark(capture)) {
      String key = micros(f[2]) + "/" + (f[3].isEmpty() ? f[4] : f[3]);
      List<String> frame = expected.computeIfAbsent(key, k -> new ArrayList<>());
      if (!f[5].isEmpty()) {
        frame.add("E" + Integer.decode(f[5]));
      } else if (!f[6].isEmpty()) {
        frame.add("IO " + Long.decode(f[6]) + " " + f[7]);
      }
      String[] sc = list(f[8]);
      String[] rr = list(f[9]);
      String[] status = list(f[10]);
      String[] classes = list(f[11]);
      boolean aligned = classes.length == sc.length;
      classesAligned.merge(key, aligned, Boolean::logicalAnd);
      for (int i = 0; i < sc.length; i++) {
        boolean response = Integer.decode(rr[i]) == 1;
        frame.add("S" + Integer.decode(sc[i]) + (response ? " status " + Integer.decode(status[i])
            : aligned ? " class " + Long.decode(classes[i]) : ""));
      }
    }
    OfflineReplay.Result r = EnipCaptureTest.replay(capture);
    Map<String, List<String>> ours = new TreeMap<>();
    for (LoggedRow row : r.log("enip")) {
      ours.computeIfAbsent(row.timeMicros() + "/" + row.row().get("source_p"), k -> new ArrayList<>())
          .add("E" + Integer.decode((String) row.row().get("enip_command_code")));
    }
    for (TelemetryEvent e : r.events()) {
      String key = e.timeMicros() + "/" + e.source().port();
      Map<String, Object> f = e.fields();
      if (e.operation().equals("CIP_IO")) {
        ours.computeIfAbsent(key, k -> new ArrayList<>()).add("IO " + Long.decode((String) f.get("connection_id"))
            + " " + f.get("sequence_number"));
      } else if (f.containsKey("cip_service_code")) {
        boolean response = "response".equals(f.get("direction"));
        String classId = (String) f.get("class_id");
        ours.computeIfAbsent(key, k -> new ArrayList<>()).add("S" + Integer.decode((String) f.get("cip_service_code"))
            + (response ? " status " + Integer.decode((String) f.get("cip_status_code"))
            : classesAligned.getOrDefault(key, true) && classId != null ? " class " + Long.decode(classId) : ""));
      }
    }
    int agree = 0;
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, List<String>> frame : expected.entrySet()) {
      List<String> mine = ours.getOrDefault(frame.getKey(), List.of());
      if (mine.equals(frame.getValue())) {
        agree++;
      } else {
        differ.add(frame.getKey() + " tshark " + frame.getValue() + " ours " + mine);
      }
    }
    ours.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> differ.add(k + " only ours " + ours.get(k)));
    System.out.printf("%s: %d of %d tshark frames agree%n", capture, agree, expected.size());
    differ.forEach(d -> System.out.println("  " + d));
    assertEquals(List.of(), differ);
    assertTrue(r.events().stream().noneMatch(TelemetryEvent::isMalformed), "malformed events");
    assertEquals(Map.of(), r.weirds());
  }

  private static String micros(String epoch) {
    return new BigDecimal(epoch).movePointRight(6).setScale(0, java.math.RoundingMode.DOWN).toPlainString();
  }

  private static String[] list(String field) {
    return field.isEmpty() ? new String[0] : field.split(",");
  }

  private static List<String[]> tshark(String capture) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TsharkAgreementTest.class.getResourceAsStream("/tshark-enip.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.startsWith("#") && line.startsWith(capture + "\t")) {
          rows.add(line.split("\t", -1));
        }
      }
    }
    return rows;
  }
}
