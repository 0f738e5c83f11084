package io.isthmus.protocol.enip.internal;

import static io.isthmus.protocol.enip.internal.Wire.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Encapsulation framing and the commands without CIP, built by hand. */
class EncapsulationTest {

  private static byte[] concat(byte[]... parts) {
    Wire w = of();
    for (byte[] p : parts) {
      w.bytes(p);
    }
    return w.build();
  }

  @Test
  void twoMessagesInOneSegmentAndOneSplitAcrossTwo() {
    RecordingSink s = RecordingSink.tcp();
    byte[] register = Wire.encap(0x65, 0, of().u16(1).u16(0).build());
    byte[] listServices = Wire.encap(0x04, 0, new byte[0]);
    byte[] both = concat(register, listServices, Arrays.copyOf(register, 10));
    assertEquals(register.length + listServices.length, s.feed(true, both));
    assertEquals(List.of("REGISTER_SESSION", "LIST_SERVICES"), s.events.stream().map(TelemetryEvent::operation).toList());
    assertEquals(1, s.events.get(0).fields().get("protocol_version"));
    // The incomplete message is offered again with the rest.
    assertEquals(0, s.feed(true, Arrays.copyOf(register, 27)));
    assertEquals(register.length, s.feed(true, register));
    assertEquals(3, s.events.size());
    Map<String, Object> row = s.rows("enip").get(0);
    assertEquals("0x65", row.get("enip_command_code"));
    assertEquals("Register Session", row.get("enip_command"));
    assertEquals(4, row.get("length"));
    assertEquals("0x11223344", row.get("session_handle"));
    assertEquals("0x0102030405060708", row.get("sender_context"));
    assertEquals("Success", row.get("enip_status"));
    assertEquals(true, row.get("is_orig"));
  }

  @Test
  void listIdentityOverUdpLogsTheIdentity() {
    byte[] name = "1756-ENBT/A".getBytes();
    byte[] item = of().u16(1).u8(0, 2, 0xaf, 0x12, 10, 1, 1, 164).u32(0).u32(0).u16(1).u16(12).u16(58).u8(4, 3)
        .u16(0x30).u32(0x00524d8eL).u8(name.length).bytes(name).u8(3).build();
    byte[] reply = Wire.encap(0x63, 0, of().u16(1).u16(0x0c).u16(item.length).bytes(item).build());
    RecordingSink s = RecordingSink.udp();
    s.feed(false, reply);
    TelemetryEvent e = s.only();
    assertEquals("LIST_IDENTITY", e.operation());
    assertEquals(Direction.RESPONSE, e.direction());
    Map<String, Object> row = s.rows("cip_identity").get(0);
    assertEquals("10.1.1.164", row.get("socket_address"));
    assertEquals(44818, row.get("socket_port"));
    assertEquals("Communications Adapter", row.get("device_type_name"));
    assertEquals("4.3", row.get("revision"));
    assertEquals("0x00524d8e", row.get("serial_number"));
    assertEquals("1756-ENBT/A", row.get("product_name"));
    assertEquals("0x0003", row.get("device_state"));
    assertEquals(row.get("product_name"), e.fields().get("product_name"));
  }

  @Test
  void listServicesReplyNamesTheService() {
    byte[] item = of().u16(1).u16(0x120).bytes(Arrays.copyOf("Communications".getBytes(), 16)).build();
    RecordingSink s = RecordingSink.tcp();
    s.feed(false, Wire.encap(0x04, 0, of().u16(1).u16(0x100).u16(item.length).bytes(item).build()));
    assertEquals("Communications", s.only().fields().get("service_name"));
    assertEquals("0x0120", s.only().fields().get("service_capability_flags"));
  }

  @Test
  void connectedIoDatagram() {
    byte[] io = of().u16(2).u16(0x8002).u16(8).u32(0x004b0603).u32(4166875).u16(0xb1).u16(6)
        .u8(0xa5, 0x87, 0xe8, 0x0f, 0x03, 0x00).build();
    RecordingSink s = RecordingSink.udp();
    s.feed(true, io);
    TelemetryEvent e = s.only();
    assertEquals("CIP_IO", e.operation());
    assertEquals(Direction.UNSOLICITED, e.direction());
    Map<String, Object> row = s.rows("cip_io").get(0);
    assertEquals("0x004b0603", row.get("connection_id"));
    assertEquals(4166875L, row.get("sequence_number"));
    assertEquals(6, row.get("data_length"));
    assertEquals("a587e80f0300", row.get("io_data"));
  }

  @Test
  void errorStatusAndUnknownCommandAreNamedAsIcsnppDoes() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(false, Wire.encap(0x6f, 0x64, new byte[0]));
    s.feed(false, Wire.encap(0x99, 0, new byte[0]));
    assertEquals("Invalid Session Handle", s.rows("enip").get(0).get("enip_status"));
    assertEquals("unknown", s.rows("enip").get(1).get("enip_command"));
    assertEquals("ENIP_COMMAND_0x0099", s.events.get(1).operation());
    assertTrue(s.weirds.stream().anyMatch(w -> w.startsWith("enip_unknown_command")), s.weirds.toString());
    assertTrue(!s.events.get(0).isMalformed());
  }
}
