package io.isthmus.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our events for ITI's captures against tshark 4.0's dissection of the same files, stored once
 * under {@code tshark/} with the exact command on its first line: per PDU the direction,
 * transaction id, unit id and function code, and the exception codes, compared as multisets.
 */
class TsharkAgreementTest {

  /** "REQ tid unit func" per PDU, and "RESP exception" per exception, from tshark's field output. */
  private static List<String> tshark(String capture) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TsharkAgreementTest.class.getResourceAsStream("/tshark/" + capture.replace(".pcap", ".tsv")),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        // frame, tcp.srcport, tcp.dstport, trans_id, unit_id, func_code, exception_code; one value per PDU, comma-joined
        String[] f = line.split("\t", -1);
        String direction = f[1].equals("502") ? "RESP" : "REQ";
        String[] tids = f[3].split(",");
        String[] units = f[4].split(",");
        String[] functions = f[5].split(",");
        for (int i = 0; i < tids.length; i++) {
          out.add(direction + " " + tids[i] + " " + units[i] + " " + functions[i]);
        }
        if (f.length > 6 && !f[6].isEmpty()) {
          for (String code : f[6].split(",")) {
            out.add(direction + " exception " + ModbusTables.exception(Integer.parseInt(code)));
          }
        }
      }
    }
    return out;
  }

  private static List<String> ours(List<TelemetryEvent> events) {
    List<String> out = new ArrayList<>();
    for (TelemetryEvent e : events) {
      String direction = e.direction() == Direction.REQUEST ? "REQ" : "RESP";
      Map<String, Object> f = e.fields();
      out.add(direction + " " + f.get("tid") + " " + f.get("unit") + " " + f.get("func_code"));
      if (f.containsKey("exception_code")) {
        out.add(direction + " exception " + f.get("exception_code"));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"modbus_test.pcap", "modbus_polling_ModbusTCP.pcap"})
  void eventsAgreeWithTshark(String capture) throws IOException {
    OfflineReplay.Result r = ModbusCaptureTest.replay(capture);
    List<String> theirs = tshark(capture);
    List<String> ours = ours(r.events());
    Map<String, Integer> remaining = new HashMap<>();
    theirs.forEach(k -> remaining.merge(k, 1, Integer::sum));
    int matched = 0;
    List<String> onlyOurs = new ArrayList<>();
    for (String k : ours) {
      if (remaining.getOrDefault(k, 0) > 0) {
        remaining.merge(k, -1, Integer::sum);
        matched++;
      } else {
        onlyOurs.add(k);
      }
    }
    double agreement = (double) matched / Math.max(theirs.size(), ours.size());
    System.out.printf("%s: %d of %d tshark PDUs matched (%d ours), agreement %.4f%n", capture, matched, theirs.size(),
        ours.size(), agreement);
    remaining.forEach((k, n) -> {
      if (n > 0) {
        System.out.println("  only in tshark: " + k + " x" + n);
      }
    });
    onlyOurs.forEach(k -> System.out.println("  only in ours: " + k));
    assertTrue(agreement >= 0.995, capture + ": agreement " + agreement);
  }
}
