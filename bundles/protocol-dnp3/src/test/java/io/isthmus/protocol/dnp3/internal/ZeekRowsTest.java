package io.isthmus.protocol.dnp3.internal;

import static io.isthmus.protocol.dnp3.internal.Frames.request;
import static io.isthmus.protocol.dnp3.internal.Frames.response;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.decode.Transport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where Zeek's DNP3 grammar walks a fragment differently from the standard, the rows follow Zeek
 * (so they compare with Zeek's logs) and the events follow the standard. The Zeek behaviour each
 * test expects is read from Zeek's {@code dnp3-protocol.pac} and {@code dnp3-objects.pac}.
 */
class ZeekRowsTest {
  private final RecordingSink sink = new RecordingSink();
  private final Dnp3Conversation tcp = new Dnp3Conversation(RecordingSink.conversation(Transport.TCP), false);

  private void feed(boolean fromClient, byte[] bytes) {
    assertEquals(0, sink.tcp(tcp, fromClient, bytes, bytes.length));
  }

  private int headersInEvent(int index) {
    return ((List<?>) sink.events.get(index).fields().get("objects")).size();
  }

  @Test
  void packedDoubleBitInputsEndZeeksWalk() {
    // RESPONSE: g3v1 points 0-3 (one packed octet), then g1v2 point 0. Zeek reads g3v1 objects
    // as "the rest of the fragment", so it never sees the g1v2 header.
    feed(false, response(0xc0, 0x81, 0, 0, 0x03, 0x01, 0x00, 0x00, 0x03, 0x5a, 0x01, 0x02, 0x00, 0x00, 0x00, 0x01));
    assertEquals(List.of(), sink.weirdDetails);
    assertEquals(2, headersInEvent(0));
    assertEquals(List.of("Double-bit Input No Flags"),
        sink.log("dnp3_objects").stream().map(r -> r.get("object_type")).toList());
  }

  @Test
  void requestObjectsOfMostGroupsCarryNoDataForZeek() {
    // DIRECT_OPERATE: an analog output block (g41v2, index 5) then a CROB (g12v1, index 3). Zeek's
    // request grammar reads no data after a g41 header, so the AOB's bytes become a bogus header
    // with a reserved range code, and the CROB is never reached.
    feed(true, request(0xc0, 0x05, 0x29, 0x02, 0x17, 0x01, 0x05, 0x9c, 0xff, 0x00, 0x0c, 0x01, 0x17, 0x01, 0x03, 0x41,
        0x01, 0xf4, 0x01, 0, 0, 0, 0, 0, 0, 0x00));
    assertEquals(List.of(), sink.weirdDetails);
    assertEquals(2, ((List<?>) sink.events.get(0).fields().get("controls")).size());
    assertEquals(List.of(), sink.log("dnp3_control"));
  }

  @Test
  void responseShorterThanItsHeaderStopsZeekForTheConnection() {
    feed(false, response(0xc0, 0x81, 0x00));
    feed(true, request(Dnp3ConversationTest.SELECT));
    feed(false, response(Dnp3ConversationTest.SELECT_RESPONSE));
    assertEquals(3, sink.events.size());
    assertEquals(List.of(), sink.log("dnp3"));
    assertEquals(List.of(), sink.log("dnp3_control"));
  }

  @Test
  void crobIndexNumberIsThePrefixOrZero() {
    // ICSNPP logs the last object prefix as index_number: 0 when the qualifier has none (range 0x00).
    feed(true, request(0xc0, 0x03, 0x0c, 0x01, 0x00, 0x07, 0x07, 0x81, 0x01, 0x64, 0, 0, 0, 0x64, 0, 0, 0, 0x00));
    Map<String, Object> row = sink.log("dnp3_control").get(0);
    assertEquals(0L, row.get("index_number"));
    assertEquals("Trip", row.get("trip_control_code"));
    @SuppressWarnings("unchecked")
    Map<String, Object> control = ((List<Map<String, Object>>) sink.events.get(0).fields().get("controls")).get(0);
    assertEquals(7L, control.get("index_number"), "the event has the point index from the range");
  }
}
