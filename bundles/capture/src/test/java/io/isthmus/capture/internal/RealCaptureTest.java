package io.isthmus.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reassembly of public captures, compared with what Zeek and tshark counted for the same files. */
class RealCaptureTest {

  /** client ip:port -> {client bytes, server bytes}. */
  private static Map<String, List<Integer>> bytesPerConversation(RecordingDecoder d) {
    Map<String, List<Integer>> out = new TreeMap<>();
    for (RecordingDecoder.Recording r : d.conversations) {
      out.put(r.conversation.client().toString(), List.of(r.clientBytes.size(), r.serverBytes.size()));
    }
    return out;
  }

  @Test
  void modbusExampleAgreesWithZeeksConnLog() throws IOException {
    RecordingDecoder d = RecordingDecoder.rawTcp(502);
    Replay r = Replay.resource("modbus_example.pcap", d);
    Map<String, List<Integer>> zeek = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/modbus_example.zeek/conn.log"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        // id.orig_h, id.orig_p ... orig_bytes (9), resp_bytes (10)
        zeek.put(f[2] + ":" + f[3], List.of(Integer.parseInt(f[9]), Integer.parseInt(f[10])));
      }
    }
    assertEquals(zeek, bytesPerConversation(d));
    assertEquals(100, r.stats.packets);
    assertEquals(2, r.stats.conversations);
    assertEquals(0, r.weirds.total());
  }

  @Test
  void modbusTestAgreesWithTsharksPayloadCounts() {
    RecordingDecoder d = RecordingDecoder.rawTcp(502);
    Replay r = Replay.resource("modbus_test.pcap", d);
    // tshark 4.0: sum of tcp.len per stream and direction, retransmissions and keep-alives excluded.
    Map<String, List<Integer>> tshark = Map.of(
        "192.168.0.21:53454", List.of(8640, 16673),
        "192.168.0.112:61614", List.of(1428, 2775),
        "192.168.0.133:51560", List.of(1440, 2950),
        "192.168.0.144:56338", List.of(1440, 2975),
        "192.168.0.156:53842", List.of(756, 756));
    List<String> mismatches = new ArrayList<>();
    assertEquals(new TreeMap<>(tshark).keySet(), bytesPerConversation(d).keySet());
    assertEquals(2257, r.stats.packets);
    assertEquals(5, r.stats.conversations);
    assertEquals(0, r.stats.gaps);
    bytesPerConversation(d).forEach((k, v) -> {
      if (!v.equals(tshark.get(k))) {
        mismatches.add(k + " " + v + " tshark " + tshark.get(k));
      }
    });
    assertEquals(List.of(), mismatches);
  }
}
