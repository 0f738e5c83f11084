package io.isthmus.protocol.dnp3.internal;

import static io.isthmus.protocol.dnp3.internal.Frames.bytes;
import static io.isthmus.protocol.dnp3.internal.Frames.concat;
import static io.isthmus.protocol.dnp3.internal.Frames.request;
import static io.isthmus.protocol.dnp3.internal.Frames.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Malformed input: every problem is a weird naming what is wrong, and decoding goes on with what follows. */
class Dnp3RobustnessTest {
  private static final byte[] COLD_RESTART = request(0xc0, 0x0d);

  private final RecordingSink sink = new RecordingSink();
  private final Dnp3Conversation tcp = new Dnp3Conversation(RecordingSink.conversation(Transport.TCP), false);

  private void feed(boolean fromClient, byte[] bytes) {
    assertEquals(0, sink.tcp(tcp, fromClient, bytes, bytes.length), "bytes left unread");
  }

  private List<String> operations() {
    return sink.events.stream().map(TelemetryEvent::operation).toList();
  }

  private String weird(String name) {
    return sink.weirdDetails.stream().filter(d -> d.startsWith(name + ":")).findFirst()
        .orElseThrow(() -> new AssertionError("no weird " + name + " in " + sink.weirdDetails));
  }

  @Test
  void badHeaderCrcSkipsToTheNextFrame() {
    byte[] bad = request(0xc0, 0x01, 0x3c, 0x01, 0x06);
    bad[8] ^= 0x01;
    feed(true, concat(bad, COLD_RESTART));
    assertTrue(weird("dnp3_corrupt_header_checksum").contains("header block"));
    assertEquals(List.of("COLD_RESTART"), operations());
  }

  @Test
  void badDataCrcNamesTheBlockAndDropsTheFragment() {
    int[] app = new int[40];
    app[0] = 0xc0;
    app[1] = 0x02;
    byte[] bad = Frames.request(app);
    bad[10 + 18 + 3] ^= 0x10; // a byte of the second data block
    feed(true, concat(bad, COLD_RESTART));
    assertTrue(weird("dnp3_corrupt_app_chunk_checksum").contains("data block 2 of 3"), sink.weirdDetails.toString());
    assertEquals(List.of("COLD_RESTART"), operations());
  }

  @Test
  void truncatedDatagramAndGarbageBeforeAFrame() {
    Dnp3Conversation udp = new Dnp3Conversation(RecordingSink.conversation(Transport.UDP), true);
    byte[] whole = request(0xc0, 0x01, 0x3c, 0x01, 0x06);
    udp.onData(true, 1, ByteBuffer.wrap(Arrays.copyOf(whole, whole.length - 3)), sink);
    assertTrue(weird("dnp3_truncated_frame").contains("bytes into a link frame"));
    udp.onData(true, 2, ByteBuffer.wrap(concat("hello".getBytes(), COLD_RESTART)), sink);
    assertTrue(weird("dnp3_header_lacks_magic").startsWith("dnp3_header_lacks_magic: 5 bytes"));
    assertEquals(List.of("COLD_RESTART"), operations());
  }

  @Test
  void linkLengthBelowFiveIsRefused() {
    byte[] header = {0x05, 0x64, 0x03, (byte) 0xc4, 10, 0, 1, 0};
    int crc = Crc16Dnp.of(header, 0, 8);
    feed(true, concat(header, bytes(crc & 0xff, crc >>> 8), COLD_RESTART));
    weird("dnp3_negative_or_zero_length_link_layer");
    assertEquals(List.of("COLD_RESTART"), operations());
  }

  @Test
  void notDnp3IsGivenUpWithoutThrowing() {
    byte[] junk = new byte[10_000];
    Arrays.fill(junk, (byte) 'A');
    feed(true, junk);
    weird("dnp3_not_dnp3");
    assertEquals(List.of(), sink.events);
  }

  @Test
  void absurdCountIsRefusedBeforeAnyWalk() {
    // RESPONSE with g30v1 and a 4-byte count of 4,294,967,295 objects.
    feed(false, response(0xc0, 0x81, 0, 0, 0x1e, 0x01, 0x09, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5));
    assertTrue(weird("dnp3_object_count_exceeds_fragment").contains("4294967295 objects"));
    TelemetryEvent e = sink.events.get(0);
    assertTrue(e.isMalformed());
    assertEquals(1, ((List<?>) e.fields().get("objects")).size());
  }

  @Test
  void hugeRangeInAReadIsOnlyANumber() {
    feed(true, request(0xc0, 0x01, 0x1e, 0x01, 0x02, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff));
    assertEquals(List.of(), sink.weirdDetails);
    @SuppressWarnings("unchecked")
    Map<String, Object> h = ((List<Map<String, Object>>) sink.events.get(0).fields().get("objects")).get(0);
    assertEquals(4_294_967_296L, h.get("object_count"));
  }

  @Test
  void rangeStopBeforeStart() {
    feed(true, request(0xc0, 0x01, 0x1e, 0x01, 0x00, 0x05, 0x02));
    assertTrue(weird("dnp3_bad_range").contains("stop 2 before start 5"));
    assertTrue(sink.events.get(0).isMalformed());
  }

  @Test
  void unknownGroupStopsTheWalkUnlessSizesArePrefixed() {
    feed(false, response(0xc0, 0x81, 0, 0, 0x63, 0x01, 0x00, 0x00, 0x03, 1, 2, 3, 4, 5, 6, 7, 8));
    assertTrue(weird("dnp3_unknown_object_size").contains("g99v1"));
    assertEquals(List.of(), sink.log("dnp3_objects"), "ICSNPP leaves unnamed objects out");
    sink.weirdDetails.clear();
    // g99v1 with a 2-byte size prefix (qualifier 0x5b), then g1v2 point 0.
    feed(false, response(0xc1, 0x81, 0, 0, 0x63, 0x01, 0x5b, 0x01, 0x03, 0x00, 0xaa, 0xbb, 0xcc, 0x01, 0x02, 0x00, 0x00,
        0x00, 0x01));
    assertEquals(List.of(), sink.weirdDetails);
    assertEquals(2, ((List<?>) sink.events.get(1).fields().get("objects")).size());
  }

  @Test
  void reservedQualifierAndTruncatedObjects() {
    feed(true, request(0xc0, 0x15, 0x3c, 0x02, 0x06, 0x3c, 0x04, 0xed));
    assertTrue(weird("dnp3_bad_qualifier").contains("reserved range code 13"));
    feed(true, request(0xc0, 0x05, 0x0c, 0x01, 0x17, 0x02, 0x00, 0x41, 0x01));
    weird("dnp3_object_count_exceeds_fragment");
    feed(false, response(0xc0, 0x81, 0x00));
    assertTrue(weird("dnp3_fragment_too_short").contains("no internal indications"));
    assertEquals(3, sink.events.size());
    assertTrue(sink.events.stream().allMatch(TelemetryEvent::isMalformed));
  }

  @Test
  void transportSequenceProblems() {
    byte[] first = Frames.frame(Frames.MASTER, 10, 1, bytes(0x45, 0xc0, 0x01));
    byte[] skipped = Frames.frame(Frames.MASTER, 10, 1, bytes(0x87, 0x3c, 0x01, 0x06));
    byte[] orphan = Frames.frame(Frames.MASTER, 10, 1, bytes(0x88, 0x3c, 0x01, 0x06));
    feed(true, concat(first, skipped, orphan, COLD_RESTART));
    assertTrue(weird("dnp3_transport_out_of_sequence").contains("segment 7 from 1->10 where 6 was expected"));
    weird("dnp3_first_application_layer_chunk_missing");
    assertEquals(List.of("COLD_RESTART"), operations());
  }

  @Test
  void fragmentLongerThanTheBoundIsDropped() {
    byte[] app = new byte[TransportReassembler.MAX_FRAGMENT + 100];
    app[0] = (byte) 0xc0;
    app[1] = 0x02;
    feed(true, concat(Frames.fragment(Frames.MASTER, 10, 1, 0, app), COLD_RESTART));
    weird("dnp3_fragment_too_long");
    assertEquals(List.of("COLD_RESTART"), operations());
  }

  @Test
  void reservedFunctionCodeIsNamedAndWeird() {
    feed(true, request(0xc0, 0x70));
    assertEquals("unknown-70", sink.events.get(0).operation());
    weird("dnp3_unknown_function_code");
    feed(false, response(0xc0, 0x81, 0x00, 0x04));
    // Zeek's dnp3.log spells a reserved code in decimal, ICSNPP's logs and the events in hex.
    assertEquals("unknown-112", sink.log("dnp3").get(0).get("fc_request"));
  }
}
