package io.isthmus.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The observer shares the scoring path: whatever an event holds, it must neither throw nor grow without bound. */
class OddEventsTest {
  private static final List<String> CAPTURES = List.of("bacnet_example.pcap", "dnp3_example.pcap",
      "enip_cip_example.pcap", "modbus_example.pcap", "openics_EIP-SoftwareDownload.pcap", "zeek_mqtt.pcap");

  /** Every real event again with its field values swapped for values of other types. */
  @Test
  void realEventsWithFieldsOfTheWrongTypeAreTakenInStride() {
    DeviceTable table = new DeviceTable(1_000, 16);
    EventFacts facts = new EventFacts(table);
    Random random = new Random(42);
    List<Object> odd = List.of("", "x", -1, Long.MAX_VALUE, 3.5, true, List.of(), List.of(1, 2), Map.of("a", 1),
        "Unknown Vendor-0x99", "device", "y".repeat(10_000), List.of("device:1 model-name"), List.of("error:x/y"));
    int events = 0;
    for (String capture : CAPTURES) {
      for (TelemetryEvent e : Captures.events(capture)) {
        Map<String, Object> fields = new HashMap<>();
        e.fields().forEach((k, v) -> fields.put(k, odd.get(random.nextInt(odd.size()))));
        facts.observe(rebuilt(e, fields, e.direction()));
        facts.observe(rebuilt(e, fields, Direction.values()[random.nextInt(Direction.values().length)]));
        events += 2;
      }
    }
    assertTrue(events > 4_000, events + " events");
    for (DeviceSnapshot s : table.senders()) {
      s.attributes().values().forEach(v -> assertTrue(v.length() <= DeviceFacts.MAX_VALUE_LENGTH, v));
      assertTrue(s.attributes().size() <= DeviceFacts.MAX_ATTRIBUTES);
      assertTrue(s.peers().size() <= 16);
    }
  }

  @Test
  void addressesThatNameNoDeviceAreIgnored() {
    DeviceTable table = new DeviceTable(1_000, 16);
    EventFacts facts = new EventFacts(table);
    List<String> addresses = List.of("", "0.0.0.0", "255.255.255.255", "224.0.0.251", "239.255.255.250",
        "ff02::1", "::", "not-an-ip", "fe80::1", "10.0.0.1", "2001:db8::1");
    for (String from : addresses) {
      for (String to : addresses) {
        for (Direction d : Direction.values()) {
          facts.observe(TelemetryEvent.builder().timeMicros(1).source(Endpoint.of(from, 1)).destination(Endpoint.of(to, 2))
              .protocol("bacnet").operation("I_AM").direction(d)
              .fields(Map.of("object_type", "device", "instance_number", 7, "vendor_id", "x", "pdu_type", "NPDU"))
              .malformed(d == Direction.UNKNOWN ? "cut short" : null).build());
        }
      }
    }
    List<String> devices = new ArrayList<>();
    table.senders().forEach(s -> devices.add(s.ip()));
    devices.sort(null);
    assertEquals(List.of("10.0.0.1", "2001:db8::1", "fe80::1"), devices);
    for (DeviceSnapshot s : table.senders()) {
      assertFalse(s.peers().contains("255.255.255.255"));
      assertFalse(s.peers().contains("224.0.0.251"));
      assertTrue(s.roles().isEmpty(), "network-layer messages prove no role");
    }
  }

  private static TelemetryEvent rebuilt(TelemetryEvent e, Map<String, Object> fields, Direction direction) {
    return new TelemetryEvent(e.timeMicros(), e.tenant(), e.sensor(), e.source(), e.destination(), e.protocol(),
        e.operation(), direction, fields, e.payloadSize(), e.malformedReason());
  }
}
