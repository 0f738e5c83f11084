package io.isthmus.protocol.dnp3.internal;

import static io.isthmus.protocol.dnp3.internal.Frames.bytes;
import static io.isthmus.protocol.dnp3.internal.Frames.concat;
import static io.isthmus.protocol.dnp3.internal.Frames.request;
import static io.isthmus.protocol.dnp3.internal.Frames.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Well-formed fragments decoded field by field, TCP chunking, UDP datagrams and the Zeek rows they give. */
class Dnp3ConversationTest {
  /** SELECT of CROB index 3 (qualifier 0x28): close, pulse on, 500 ms on. */
  static final int[] SELECT = {0xc1, 0x03, 0x0c, 0x01, 0x28, 0x01, 0x00, 0x03, 0x00, 0x41, 0x01, 0xf4, 0x01, 0, 0, 0,
      0, 0, 0, 0x00};
  /** Its response: IIN1 device restart, the CROB echoed with status 0. */
  static final int[] SELECT_RESPONSE = {0xc1, 0x81, 0x80, 0x00, 0x0c, 0x01, 0x28, 0x01, 0x00, 0x03, 0x00, 0x41, 0x01,
      0xf4, 0x01, 0, 0, 0, 0, 0, 0, 0x00};

  private final RecordingSink sink = new RecordingSink();
  private final Dnp3Conversation tcp = new Dnp3Conversation(RecordingSink.conversation(Transport.TCP), false);

  private List<TelemetryEvent> feed(boolean fromClient, byte[] bytes) {
    assertEquals(0, sink.tcp(tcp, fromClient, bytes, bytes.length));
    return sink.events;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(TelemetryEvent e, String field) {
    return (List<Map<String, Object>>) e.fields().get(field);
  }

  @Test
  void selectAndResponseDecodeControlBlockAndIin() {
    feed(true, request(SELECT));
    feed(false, response(SELECT_RESPONSE));
    assertEquals(List.of(), sink.weirdDetails);
    TelemetryEvent select = sink.events.get(0);
    assertEquals("SELECT", select.operation());
    assertEquals(Direction.REQUEST, select.direction());
    assertEquals("1", select.source().deviceId());
    assertEquals("10", select.destination().deviceId());
    assertEquals("10", select.device().deviceId());
    Map<String, Object> crob = list(select, "controls").get(0);
    assertEquals(3L, crob.get("index_number"));
    assertEquals("Close", crob.get("trip_control_code"));
    assertEquals("Pulse On", crob.get("operation_type"));
    assertEquals(500L, crob.get("on_time"));
    assertFalse(crob.containsKey("status_code"));
    TelemetryEvent reply = sink.events.get(1);
    assertEquals(Direction.RESPONSE, reply.direction());
    assertEquals(0x8000, reply.fields().get("iin"));
    assertEquals(List.of("DEVICE_RESTART"), reply.fields().get("iin_flags"));
    assertEquals("Success", list(reply, "controls").get(0).get("status_code"));
    assertEquals(Map.of("fc_request", "SELECT", "fc_reply", "RESPONSE", "iin", 0x8000), sink.log("dnp3").get(0));
    List<Map<String, Object>> control = sink.log("dnp3_control");
    assertEquals(2, control.size());
    assertEquals(3L, control.get(0).get("index_number"));
    assertNull(control.get(0).get("status_code"));
    assertEquals("Success", control.get(1).get("status_code"));
    assertEquals("10.0.0.2", control.get(1).get("source_h"));
  }

  @Test
  void analogOutputBlockAndUnsolicitedResponse() {
    // DIRECT_OPERATE g41v2 index 5 value -100; an unsolicited g2v1 event with CON and UNS set.
    feed(true, request(0xc2, 0x05, 0x29, 0x02, 0x17, 0x01, 0x05, 0x9c, 0xff, 0x00));
    feed(false, response(0xf0, 0x82, 0x02, 0x00, 0x02, 0x01, 0x17, 0x01, 0x07, 0x81));
    assertEquals(List.of(), sink.weirdDetails);
    Map<String, Object> aob = list(sink.events.get(0), "controls").get(0);
    assertEquals("Analog Output Block", aob.get("block_type"));
    assertEquals(-100, aob.get("value"));
    assertEquals(5L, aob.get("index_number"));
    TelemetryEvent unsolicited = sink.events.get(1);
    assertEquals(Direction.UNSOLICITED, unsolicited.direction());
    assertEquals("UNSOLICITED_RESPONSE", unsolicited.operation());
    assertEquals(true, unsolicited.fields().get("uns"));
    assertEquals(true, unsolicited.fields().get("con"));
    assertEquals(List.of("CLASS_1_EVENTS"), unsolicited.fields().get("iin_flags"));
    assertEquals("10", unsolicited.device().deviceId());
    assertEquals(List.of(), sink.log("dnp3_control"), "ICSNPP logs CROB and PCB only");
    assertEquals(List.of(), sink.log("dnp3_objects"), "ICSNPP lists headers of RESPONSE, not UNSOLICITED_RESPONSE");
  }

  @Test
  void fragmentOfThreeSegmentsIsOneEvent() {
    int[] app = new int[4 + 7 + 594];
    int[] head = {0xc0, 0x81, 0x00, 0x00, 0x1e, 0x04, 0x01, 0x00, 0x00, 0x28, 0x01};
    System.arraycopy(head, 0, app, 0, head.length);
    feed(false, Frames.fragment(Frames.OUTSTATION, 1, 10, 62, bytes(app)));
    assertEquals(List.of(), sink.weirdDetails);
    TelemetryEvent e = sink.events.get(0);
    assertEquals(3, e.fields().get("segments"));
    assertEquals(605, e.payloadSize());
    assertEquals(297L, list(e, "objects").get(0).get("object_count"));
    Map<String, Object> row = sink.log("dnp3_objects").get(0);
    assertEquals("16-Bit Analog Input Without Flag", row.get("object_type"));
    assertEquals(297L, row.get("object_count"));
    assertEquals(296L, row.get("range_high"));
  }

  @Test
  void tcpChunksOfAnySizeGiveTheSameEvents() {
    byte[] stream = concat(request(SELECT), request(0xc0, 0x01, 0x3c, 0x02, 0x06, 0x3c, 0x01, 0x06), request(SELECT));
    List<String> whole = operations(stream, stream.length);
    assertEquals(List.of("SELECT", "READ", "SELECT"), whole);
    for (int chunk : new int[] {1, 2, 7, 10, 11, 27}) {
      assertEquals(whole, operations(stream, chunk), "chunks of " + chunk);
    }
  }

  private static List<String> operations(byte[] stream, int chunk) {
    RecordingSink s = new RecordingSink();
    Dnp3Conversation c = new Dnp3Conversation(RecordingSink.conversation(Transport.TCP), false);
    assertEquals(0, s.tcp(c, true, stream, chunk));
    assertEquals(List.of(), s.weirdDetails);
    return s.events.stream().map(TelemetryEvent::operation).toList();
  }

  @Test
  void udpDatagramMayHoldSeveralFrames() {
    Dnp3Conversation udp = new Dnp3Conversation(RecordingSink.conversation(Transport.UDP), true);
    udp.onData(true, 1, ByteBuffer.wrap(concat(request(SELECT), request(0xc0, 0x0d))), sink);
    assertEquals(List.of("SELECT", "COLD_RESTART"), sink.events.stream().map(TelemetryEvent::operation).toList());
    assertEquals(List.of(), sink.weirdDetails);
  }

  @Test
  void linkLayerServiceFramesMakeNoEvent() {
    feed(true, Frames.frame(0xc9, 10, 1, new byte[0]));
    feed(false, Frames.frame(0x0b, 1, 10, new byte[0]));
    assertEquals(List.of(), sink.events);
    assertEquals(List.of(), sink.weirdDetails);
  }

  @Test
  void pendingRequestIsLoggedWhenTheConversationCloses() {
    feed(true, request(0xc0, 0x15, 0x3c, 0x02, 0x06));
    tcp.onClose(2, sink);
    assertEquals(List.of(Map.of("fc_request", "DISABLE_UNSOLICITED")), sink.log("dnp3"));
  }

  @Test
  void readRequestHeadersAreListedWithoutCounts() {
    feed(true, request(0xc0, 0x01, 0x3c, 0x02, 0x06, 0x3c, 0x03, 0x06, 0x01, 0x02, 0x00, 0x00, 0x09));
    List<Map<String, Object>> rows = sink.log("dnp3_objects");
    assertEquals(List.of("Class 1 Data", "Class 2 Data", "Binary Input With Status"),
        rows.stream().map(r -> r.get("object_type")).toList());
    assertTrue(rows.stream().noneMatch(r -> r.containsKey("object_count")));
  }

  @Test
  void countQualifierRangeAsZeekReportsIt() {
    // Zeek's analyzer reports a 2-byte count of 1 as range_low 256, range_high 0 (its events for
    // dnp3_select_operate.pcap print "3073, 40, 1, 256, 0"); ICSNPP logs those values.
    feed(false, response(0xc0, 0x81, 0x00, 0x00, 0x20, 0x01, 0x28, 0x01, 0x00, 0x07, 0x00, 0x01, 0x10, 0, 0, 0));
    assertEquals(List.of(), sink.weirdDetails);
    Map<String, Object> row = sink.log("dnp3_objects").get(0);
    assertEquals("32-Bit Analog Change Event w/o Time", row.get("object_type"));
    assertEquals(List.of(1L, 256L, 0L), List.of(row.get("object_count"), row.get("range_low"), row.get("range_high")));
  }

  @Test
  void zeekRowsStopWhereZeeksAnalyzerGivesUpButEventsGoOn() {
    feed(true, request(SELECT));
    byte[] bad = request(SELECT);
    bad[9] ^= 0x01; // header CRC
    feed(true, concat(bad, request(0xc0, 0x0d)));
    feed(false, response(SELECT_RESPONSE));
    assertEquals(List.of("SELECT", "COLD_RESTART", "RESPONSE"),
        sink.events.stream().map(TelemetryEvent::operation).toList());
    assertEquals(1, sink.log("dnp3_control").size(), "only the SELECT before the bad frame");
    assertEquals(List.of(), sink.log("dnp3"));
    tcp.onClose(3, sink);
    assertEquals(List.of(Map.of("fc_request", "SELECT")), sink.log("dnp3"), "the pending request at the end");
  }
}
