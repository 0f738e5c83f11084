package io.isthmus.protocol.bacnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Events of the real captures against what tshark 4.0 decodes from the same files: one event
 * per BACnet/IP datagram with the same BVLC function, PDU type and service (the counts in
 * {@code <capture>.tshark-apdus.tsv}), and the I-Am contents of {@code bacnet_example}.
 */
class BacnetEventsTest {

  /** "bvlc function, APDU type, service" (or the network message type) to datagram count, from tshark. */
  private static Map<String, Long> tshark(String capture) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        BacnetEventsTest.class.getResourceAsStream("/" + capture + ".tshark-apdus.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t", -1);
        int bvlc = Integer.decode(f[1]);
        // count, bvlc.function, then bacapp.type and service, or (hex) bacnet.mesgtyp alone
        String rest = f[2].startsWith("0x") ? "npdu " + Integer.decode(f[2]) : f[2] + (f.length > 3 ? " " + f[3] : "");
        counts.merge(bvlc + " " + rest.trim(), Long.parseLong(f[0]), Long::sum);
      }
    }
    return counts;
  }

  private static String key(TelemetryEvent e) {
    Map<String, Object> f = e.fields();
    int bvlc = code(Names.BVLC_FUNCTIONS, (String) f.get("bvlc_function"));
    if ("NPDU".equals(f.get("pdu_type"))) {
      return bvlc + " npdu " + code(Names.NPDU_MESSAGE_TYPES, (String) f.get("pdu_service"));
    }
    int type = code(Names.APDU_TYPES, (String) f.get("pdu_type"));
    Object service = f.get("pdu_service");
    if (service == null || type == Apdu.SEGMENT_ACK || type == Apdu.REJECT || type == Apdu.ABORT) {
      return bvlc + " " + type;
    }
    Names table = type == Apdu.UNCONFIRMED_REQUEST ? Names.UNCONFIRMED_SERVICES : Names.CONFIRMED_SERVICES;
    return bvlc + " " + type + " " + code(table, (String) service);
  }

  private static int code(Names table, String name) {
    for (int c = 0; c < 256; c++) {
      if (table.name(c).equals(name)) {
        return c;
      }
    }
    throw new AssertionError(name + " is not in " + table);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bacnet_example", "bacnet_services", "bacnet_segmented_data", "bacnet_error_reject_abort"})
  void oneEventPerDatagramWithTheServiceTsharkDecodes(String capture) throws IOException {
    OfflineReplay.Result r = BacnetCaptureTest.replay(capture);
    Map<String, Long> ours = r.events().stream().collect(Collectors.groupingBy(BacnetEventsTest::key, TreeMap::new,
        Collectors.counting()));
    assertEquals(tshark(capture), ours);
  }

  @Test
  void iAmCarriesTheDeviceInstanceAndVendorTsharkReads() throws IOException {
    OfflineReplay.Result r = BacnetCaptureTest.replay("bacnet_example");
    Map<String, String> expected = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/bacnet_example.tshark-i-am.tsv"), StandardCharsets.UTF_8))) {
      in.lines().map(l -> l.split("\t")).forEach(f -> expected.put(f[0], f[1] + " " + f[2]));
    }
    Map<String, String> ours = new TreeMap<>();
    r.events().stream().filter(e -> e.operation().equals("I_AM")).forEach(e -> {
      assertEquals(Direction.UNSOLICITED, e.direction());
      assertEquals(e.fields().get("instance_number").toString(), e.source().deviceId());
      ours.put(e.source().ip(), e.fields().get("instance_number") + " " + e.fields().get("vendor_id"));
    });
    assertEquals(expected, ours);
    // Requests to a device that announced itself name its instance.
    long attributed = r.events().stream().filter(e -> e.operation().equals("READ_PROPERTY")
        && e.direction() == Direction.REQUEST && expected.containsKey(e.destination().ip())).peek(e ->
        assertEquals(expected.get(e.destination().ip()).split(" ")[0], e.device().deviceId())).count();
    assertTrue(attributed > 0);
  }

  @Test
  void deviceControlIsNamedForDetection() throws IOException {
    OfflineReplay.Result r = BacnetCaptureTest.replay("bacnet_services");
    Map<String, Long> control = r.events().stream()
        .filter(e -> e.operation().startsWith("DEVICE_COMMUNICATION_CONTROL") || e.operation().startsWith("REINITIALIZE"))
        .collect(Collectors.groupingBy(e -> e.operation() + " " + e.direction() + " "
            + e.fields().getOrDefault("device_state", e.fields().getOrDefault("result_code", "")), TreeMap::new,
            Collectors.counting()));
    // The same requests and answers as ICSNPP's bacnet_device_control.log for this capture.
    assertEquals(Map.of(
        "DEVICE_COMMUNICATION_CONTROL REQUEST disable", 2L, "DEVICE_COMMUNICATION_CONTROL REQUEST enable", 2L,
        "DEVICE_COMMUNICATION_CONTROL RESPONSE ", 2L, "DEVICE_COMMUNICATION_CONTROL_ERROR RESPONSE password-failure", 2L,
        "REINITIALIZE_DEVICE REQUEST coldstart", 2L, "REINITIALIZE_DEVICE REQUEST warmstart", 2L,
        "REINITIALIZE_DEVICE RESPONSE ", 2L, "REINITIALIZE_DEVICE_ERROR RESPONSE password-failure", 2L), control);
  }
}
