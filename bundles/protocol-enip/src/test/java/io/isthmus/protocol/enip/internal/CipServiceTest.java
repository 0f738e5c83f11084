package io.isthmus.protocol.enip.internal;

import static io.isthmus.protocol.enip.internal.Wire.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CIP services built by hand from the specification's layouts. */
class CipServiceTest {
  private static final byte[] NONE = new byte[0];

  private static TelemetryEvent request(byte[] cip) {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(cip));
    assertEquals(List.of(), s.weirds);
    return s.events.get(0);
  }

  @Test
  void epathWith16And32BitSegmentsAndConnectionPoint() {
    // 16-bit class 0x0304, 32-bit instance 0x00012345, connection point 0x65, 8-bit attribute 7
    byte[] path = of().u8(0x21, 0).u16(0x0304).u8(0x26, 0).u32(0x12345).u8(0x2c, 0x65, 0x30, 7).build();
    TelemetryEvent e = request(Wire.request(0x0e, path, NONE));
    assertEquals("0x304", e.fields().get("class_id"));
    assertEquals("0x12345", e.fields().get("instance_id"));
    assertEquals("0x65", e.fields().get("connection_point"));
    assertEquals("0x07", e.fields().get("attribute_id"));
    assertEquals("GET_ATTRIBUTE_SINGLE", e.operation());
  }

  @Test
  void icsnppRowReadsA32BitInstanceItsOwnWay() {
    RecordingSink s = RecordingSink.tcp();
    byte[] path = of().u8(0x20, 0x04, 0x26, 0).u32(0x00010203).build();
    s.feed(true, Wire.sendRR(Wire.request(0x0e, path, NONE)));
    // ICSNPP shifts the third byte by 13: 0x01 << 13 | 0x02 << 8 | 0x03 = 0x2203.
    assertEquals("0x2203", s.rows("cip").get(0).get("instance_id"));
    assertEquals("0x10203", s.only().fields().get("instance_id"));
  }

  @Test
  void symbolicTagReadIsReadTag() {
    byte[] path = of().u8(0x91, 11).bytes("Motor.Speed".getBytes()).u8(0).build();
    TelemetryEvent e = request(Wire.request(0x4c, path, of().u16(1).build()));
    assertEquals("READ_TAG", e.operation());
    assertEquals("Motor.Speed", e.fields().get("symbol"));
    assertFalse(e.fields().containsKey("class_id"));
  }

  @Test
  void detectionRelevantServicesHaveClearNames() {
    assertEquals("FIRMWARE_UPDATE", request(Wire.request(0x4b, Wire.path(0xa1, 1, -1), NONE)).operation());
    assertEquals("SET_TCPIP_INTERFACE", request(Wire.request(0x10, Wire.path(0xf5, 1, 5), of().u32(0x0a000001).build())).operation());
    assertEquals("SET_ETHERNET_LINK", request(Wire.request(0x10, Wire.path(0xf6, 1, 6), of().u16(0).build())).operation());
    assertEquals("SET_TIME", request(Wire.request(0x04, Wire.path(0x8b, 1, -1), of().u16(1).u16(5).build())).operation());
    assertEquals("DEVICE_RESET", request(Wire.request(0x05, Wire.path(0x01, 1, -1), of().u8(0).build())).operation());
    assertEquals("MODE_CHANGE_STOP", request(Wire.request(0x07, Wire.path(0x8e, 1, -1), NONE)).operation());
    assertEquals("FILE_INITIATE_DOWNLOAD", request(Wire.request(0x4c, Wire.path(0x37, 0xc8, -1), of().u32(100).build())).operation());
    assertEquals("FILE_UPLOAD_TRANSFER", request(Wire.request(0x4f, Wire.path(0x37, 0xc8, -1), of().u8(0).build())).operation());
  }

  @Test
  void setAttributeCarriesTheValue() {
    TelemetryEvent e = request(Wire.request(0x10, Wire.path(0xf5, 1, 5), of().u32(0x0100a8c0L).build()));
    assertEquals("c0a80001", e.fields().get("attribute_data"));
  }

  @Test
  void errorReplyWithExtendedStatusAndIcsnppsReadingOfIt() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(Wire.request(0x54, Wire.path(0x06, 1, -1), new byte[36])));
    s.feed(false, Wire.sendRR(Wire.reply(0x54, 0x01, new int[] {0x0100}, of().u16(1).u16(77).u32(9).u8(0, 0).build())));
    TelemetryEvent reply = s.events.get(1);
    assertEquals(Direction.RESPONSE, reply.direction());
    assertEquals("FORWARD_OPEN", reply.operation());
    assertEquals("0x01", reply.fields().get("cip_status_code"));
    assertEquals("Connection Failure", reply.fields().get("cip_status"));
    assertEquals("0x0100", reply.fields().get("cip_extended_status_code"));
    assertEquals("Connection in use or duplicate Forward Open", reply.fields().get("cip_extended_status"));
    assertEquals(true, reply.fields().get("matched"));
    // ICSNPP takes the size (1 word) as one byte: it shows the low byte, 0x00.
    Map<String, Object> row = s.rows("cip").get(1);
    assertEquals("0x0000", row.get("cip_extended_status_code"));
    assertNull(row.get("class_id"));
  }

  @Test
  void forwardOpenNamesTheConnection() {
    byte[] connectionPath = of().u8(0x20, 0x02, 0x24, 0x01).build();
    byte[] data = of().u8(0x0a, 0x0e).u32(0).u32(0x80fe0013L).u16(0x14).u16(77).u32(0x32952bf3L).u8(1, 0, 0, 0)
        .u32(8000).u16(0x43f4).u32(9000).u16(0x43f4).u8(0xa3, connectionPath.length / 2).bytes(connectionPath).build();
    TelemetryEvent e = request(Wire.request(0x54, Wire.path(0x06, 1, -1), data));
    assertEquals("FORWARD_OPEN", e.operation());
    assertEquals("0x80fe0013", e.fields().get("t_o_connection_id"));
    assertEquals("0x0014", e.fields().get("connection_serial"));
    assertEquals(77, e.fields().get("originator_vendor_id"));
    assertEquals(8000L, e.fields().get("o_t_rpi"));
    assertEquals(9000L, e.fields().get("t_o_rpi"));
    assertEquals("0xa3", e.fields().get("transport_class_trigger"));
    assertEquals("0x02", e.fields().get("target_class_id"));
  }

  @Test
  void multipleServicePacketGivesEachServiceItsEventAndRow() {
    byte[] get = Wire.request(0x0e, Wire.path(0x01, 1, 7), NONE);
    byte[] set = Wire.request(0x10, Wire.path(0xf5, 1, 5), of().u32(1).build());
    byte[] msp = of().u16(2).u16(6).u16(6 + get.length).bytes(get).bytes(set).build();
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendUnit(0x1234, 7, Wire.request(0x0a, Wire.path(0x02, 1, -1), msp)));
    assertEquals(List.of("MULTIPLE_SERVICE_PACKET", "GET_ATTRIBUTE_SINGLE", "SET_TCPIP_INTERFACE"),
        s.events.stream().map(TelemetryEvent::operation).toList());
    assertEquals(true, s.events.get(2).fields().get("embedded"));
    assertEquals(7, s.events.get(2).fields().get("cip_sequence_count"));
    assertEquals(List.of("0x0a", "0x0e", "0x10"), s.rows("cip").stream().map(r -> r.get("cip_service_code")).toList());
    // The replies: the embedded ones take the class of the request at the same position.
    byte[] replies = of().u16(2).u16(6).u16(10).bytes(Wire.reply(0x0e, 0, new int[0], NONE))
        .bytes(Wire.reply(0x10, 0x0e, new int[0], NONE)).build();
    s.feed(false, Wire.sendUnit(0x5678, 7, Wire.reply(0x0a, 0x1e, new int[0], replies)));
    TelemetryEvent setReply = s.events.get(5);
    assertEquals("SET_TCPIP_INTERFACE", setReply.operation());
    assertEquals("Attribute Not Settable", setReply.fields().get("cip_status"));
    assertEquals("0xf5", setReply.fields().get("class_id"));
    assertEquals(6, s.rows("cip").size());
  }

  @Test
  void unconnectedSendCarriesAMessageThatGetsItsOwnEventButNoRow() {
    byte[] inner = Wire.request(0x01, Wire.path(0x01, 1, -1), NONE);
    byte[] data = of().u8(0x07, 0xe9).u16(inner.length).bytes(inner).u8(1, 0, 0x01, 0x00).build();
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(Wire.request(0x52, Wire.path(0x06, 1, -1), data)));
    assertEquals(List.of("UNCONNECTED_SEND", "GET_ATTRIBUTES_ALL"), s.events.stream().map(TelemetryEvent::operation).toList());
    assertEquals("1:0", s.events.get(0).fields().get("route"));
    assertEquals(1, s.rows("cip").size());
    // The reply is the carried request's: an Identity object.
    byte[] identity = of().u16(1).u16(14).u16(54).u8(16, 20).u16(0x3060).u32(0x0051823fL).u8(3).bytes("PLC".getBytes()).build();
    s.feed(false, Wire.sendRR(Wire.reply(0x01, 0, new int[0], identity)));
    TelemetryEvent reply = s.events.get(2);
    assertEquals("Rockwell Automation/Allen-Bradley", reply.fields().get("vendor_name"));
    assertEquals("Programmable Logic Controller", reply.fields().get("device_type_name"));
    assertEquals("16.20", reply.fields().get("revision"));
    assertEquals("0x0051823f", reply.fields().get("serial_number"));
    assertEquals("PLC", reply.fields().get("product_name"));
    assertTrue(s.weirds.isEmpty(), s.weirds.toString());
  }

  @Test
  void identityFromGetAttributeListAndSingleReplies() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendUnit(1, 3, Wire.request(0x03, Wire.path(0x01, 1, -1), of().u16(3).u16(1).u16(6).u16(7).build())));
    byte[] values = of().u16(3).u16(1).u16(0).u16(1).u16(6).u16(0).u32(0x00c0ffeeL).u16(7).u16(0).u8(4)
        .bytes("ENBT".getBytes()).build();
    s.feed(false, Wire.sendUnit(2, 3, Wire.reply(0x03, 0, new int[0], values)));
    Map<String, Object> f = s.events.get(1).fields();
    assertEquals("Rockwell Automation/Allen-Bradley", f.get("vendor_name"));
    assertEquals("0x00c0ffee", f.get("serial_number"));
    assertEquals("ENBT", f.get("product_name"));
    s.feed(true, Wire.sendUnit(1, 4, Wire.request(0x0e, Wire.path(0x01, 1, 4), NONE)));
    s.feed(false, Wire.sendUnit(2, 4, Wire.reply(0x0e, 0, new int[0], of().u8(20, 11).build())));
    assertEquals("20.11", s.events.get(3).fields().get("revision"));
  }
}
