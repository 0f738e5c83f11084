package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.Adu.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ModbusConversationTest {
  private final Adu.Feed feed = new Adu.Feed();

  @Test
  void aReadAndItsResponseBecomeTwoPairedEvents() {
    assertEquals(0, feed.client(frame(7, 1, 0x03, 0x00, 0x10, 0x00, 0x02)));
    assertEquals(0, feed.server(frame(7, 1, 0x03, 0x04, 0x12, 0x34, 0xab, 0xcd)));
    TelemetryEvent request = feed.events.get(0);
    assertEquals("modbus", request.protocol());
    assertEquals("READ_HOLDING_REGISTERS", request.operation());
    assertEquals(Direction.REQUEST, request.direction());
    assertEquals("10.0.0.1", request.source().ip());
    assertEquals("10.0.0.2", request.destination().ip());
    assertEquals("1", request.destination().deviceId());
    assertEquals(Map.of("tid", 7, "unit", 1, "func", "READ_HOLDING_REGISTERS", "func_code", 3, "func_class", "public",
        "request_response", "REQUEST", "address", 16, "quantity", 2), request.fields());
    assertEquals(12, request.payloadSize());
    TelemetryEvent response = feed.events.get(1);
    assertEquals(Direction.RESPONSE, response.direction());
    assertEquals("10.0.0.2", response.device().ip());
    assertEquals(true, response.fields().get("matched"));
    assertEquals(16, response.fields().get("address"));
    assertEquals(2, response.fields().get("quantity"));
    assertEquals(List.of(0x1234, 0xabcd), response.fields().get("response_values"));
    assertNull(response.malformedReason());
    assertEquals(List.of(), feed.weirds);
  }

  @Test
  void severalFramesInOneSegmentAndAnIncompleteOneLeftForLater() {
    byte[] bytes = Adu.concat(frame(1, 1, 0x01, 0, 0, 0, 8), frame(2, 1, 0x02, 0, 0, 0, 8), frame(3, 1, 0x04, 0, 0, 0, 1));
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    assertEquals(12 - 3, feed.offer(true, cut));
    assertEquals(List.of("READ_COILS", "READ_DISCRETE_INPUTS"), feed.events.stream().map(TelemetryEvent::operation).toList());
    assertEquals(0, feed.offer(true, Arrays.copyOfRange(bytes, 24, bytes.length)));
    assertEquals("READ_INPUT_REGISTERS", feed.last().operation());
  }

  @Test
  void coilBitsAreAsManyAsTheRequestAskedFor() {
    feed.client(frame(1, 1, 0x01, 0x00, 0x00, 0x00, 0x0a));
    feed.server(frame(1, 1, 0x01, 0x02, 0b1000_0101, 0b0000_0010));
    assertEquals(List.of(1, 0, 1, 0, 0, 0, 0, 1, 0, 1), feed.last().fields().get("response_values"));
  }

  @Test
  void anExceptionResponseCarriesItsCode() {
    feed.client(frame(1, 0, 0x03, 0x02, 0x58, 0x00, 0x0a));
    feed.server(frame(1, 0, 0x83, 0x02));
    TelemetryEvent e = feed.last();
    assertEquals("READ_HOLDING_REGISTERS_EXCEPTION", e.operation());
    assertEquals("ILLEGAL_DATA_ADDRESS", e.fields().get("exception_code"));
    assertEquals(true, e.fields().get("matched"));
    assertEquals(600, e.fields().get("address"));
    assertEquals(3, e.fields().get("func_code"));
  }

  @Test
  void writesCarryTheirValues() {
    feed.client(frame(1, 1, 0x05, 0x00, 0x01, 0xff, 0x00));
    assertEquals(List.of(1), feed.last().fields().get("request_values"));
    feed.client(frame(2, 1, 0x06, 0x00, 0x01, 0xab, 0xcd));
    assertEquals(List.of(0xabcd), feed.last().fields().get("request_values"));
    feed.client(frame(3, 1, 0x0f, 0x00, 0x01, 0x00, 0x04, 0x01, 0b1001));
    assertEquals(List.of(1, 0, 0, 1), feed.last().fields().get("request_values"));
    feed.client(frame(4, 1, 0x10, 0x00, 0x01, 0x00, 0x02, 0x04, 0x00, 0xaa, 0x00, 0xbb));
    assertEquals(List.of(0xaa, 0xbb), feed.last().fields().get("request_values"));
    feed.client(frame(5, 1, 0x16, 0x00, 0x0a, 0xde, 0xad, 0x00, 0x00));
    assertEquals(Map.entry(0xdead, 0), Map.entry(feed.last().fields().get("and_mask"), feed.last().fields().get("or_mask")));
    feed.client(frame(6, 1, 0x17, 0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x01, 0x02, 0x00, 0xff));
    Map<String, Object> rw = feed.last().fields();
    assertEquals(List.of(1, 1, 2, List.of(0xff)),
        List.of(rw.get("read_start_address"), rw.get("read_quantity"), rw.get("write_start_address"), rw.get("write_registers")));
    feed.server(frame(6, 1, 0x17, 0x02, 0x00, 0xaa));
    assertEquals(List.of(0xaa), feed.last().fields().get("read_registers"));
    assertEquals(1, feed.last().fields().get("read_start_address"));
    assertEquals(List.of(), feed.weirds);
  }

  @Test
  void diagnosticsAndFifoAndDeviceIdentification() {
    feed.client(frame(1, 1, 0x08, 0x00, 0x02, 0x00, 0x00));
    assertEquals("Return Diagnostic Register", feed.last().fields().get("request_subfunction_code"));
    assertEquals("\\x00\\x00", feed.last().fields().get("request_data"));
    feed.client(frame(2, 1, 0x18, 0x04, 0xd2));
    feed.server(frame(2, 1, 0x18, 0x00, 0x06, 0x00, 0x02, 0x01, 0xb8, 0x12, 0x84));
    assertEquals(List.of(440, 4740), feed.last().fields().get("response_values"));
    assertEquals(1234, feed.last().fields().get("address"));
    feed.client(frame(3, 1, 0x2b, 0x0e, 0x01, 0x00));
    assertEquals("Read Device Identification", feed.last().fields().get("mei_type"));
    assertEquals("VendorName", feed.last().fields().get("object_id"));
    feed.server(frame(3, 1, 0x2b, 0x0e, 0x01, 0x81, 0x00, 0x00, 0x02,
        0x00, 0x04, 'A', 'c', 'm', 'e', 0x01, 0x03, 'P', 'L', 'C'));
    Map<String, Object> f = feed.last().fields();
    assertEquals("ENCAP_INTERFACE_TRANSPORT", feed.last().operation());
    assertEquals("0x81", f.get("conformity_level_code"));
    assertEquals("Basic Identification (Stream, Individual)", f.get("conformity_level"));
    assertEquals(Map.of("VendorName", "Acme", "ProductCode", "PLC"), f.get("objects"));
    assertEquals("Acme", f.get("vendor"));
    assertEquals("PLC", f.get("product_code"));
    assertEquals(false, f.get("more_follows"));
    assertEquals(List.of(), feed.weirds);
  }

  @Test
  void vendorAndUserFunctionCodesAreShownAsSuch() {
    feed.client(frame(1, 0, 0x5a, 0x00, 0x41));
    TelemetryEvent stop = feed.last();
    assertEquals("UMAS_STOP_PLC", stop.operation());
    assertEquals("PROGRAM_UNITY", stop.fields().get("func"));
    assertEquals("vendor", stop.fields().get("func_class"));
    assertEquals("STOP_PLC", stop.fields().get("umas_func"));
    assertEquals("0x41", stop.fields().get("umas_code"));
    feed.server(frame(1, 0, 0x5a, 0x00, 0xfe));
    assertEquals("OK", feed.last().fields().get("umas_status"));
    assertEquals("STOP_PLC", feed.last().fields().get("umas_func"));
    assertEquals("UMAS_STOP_PLC", feed.last().operation());
    feed.client(frame(4, 0, 0x5a, 0x00, 0x40));
    feed.server(frame(4, 0, 0xda, 0x01));
    assertEquals("UMAS_START_PLC_EXCEPTION", feed.last().operation());
    feed.client(frame(2, 0, 65, 1, 2, 3));
    assertEquals("USER_DEFINED_65", feed.last().operation());
    assertEquals("unknown-65", feed.last().fields().get("func"), "Zeek's spelling");
    assertEquals("user_defined", feed.last().fields().get("func_class"));
    assertEquals("\\x01\\x02\\x03", feed.last().fields().get("request_data"));
    feed.client(frame(3, 0, 0x2d));
    assertEquals("unknown-45", feed.last().operation());
    assertEquals("unassigned", feed.last().fields().get("func_class"));
  }

  @Test
  void aResponseWithoutItsRequestIsUnmatched() {
    feed.server(frame(9, 1, 0x06, 0x00, 0x01, 0x00, 0x02));
    assertEquals(false, feed.last().fields().get("matched"));
    feed.client(frame(10, 1, 0x03, 0x00, 0x00, 0x00, 0x01));
    feed.server(frame(10, 2, 0x03, 0x02, 0x00, 0x01));
    assertEquals(false, feed.last().fields().get("matched"), "another unit's answer is not this request's");
  }

  @Test
  void aBadProtocolIdSkipsTheFrameAndDecodingGoesOn() {
    feed.client(Adu.frameWithProtocol(1, 7, 1, 0x03, 0, 0, 0, 1), frame(2, 1, 0x03, 0, 0, 0, 1));
    assertEquals(List.of("modbus_bad_protocol_id"), feed.weirdNames());
    assertEquals(1, feed.events.size());
    assertEquals(2, feed.last().fields().get("tid"));
  }

  @Test
  void aBadLengthResynchronisesOnTheNextFrame() {
    byte[] bad = frame(1, 1, 0x03, 0, 0, 0, 1);
    bad[4] = 0x10;
    bad[5] = 0x00;
    feed.client(bad, frame(2, 1, 0x03, 0, 0, 0, 1), frame(3, 1, 0x03, 0, 0, 0, 1));
    assertEquals(List.of("modbus_bad_length", "modbus_resync"), feed.weirdNames());
    assertEquals(List.of(2, 3), feed.events.stream().map(e -> e.fields().get("tid")).toList());
  }

  @Test
  void afterAGapDecodingResumesAtAPlausibleFrame() {
    byte[] tail = Arrays.copyOfRange(frame(1, 1, 0x10, 0, 1, 0, 2, 4, 0, 0, 0x30, 0x07), 9, 17);
    feed.decoder.onGap(true, 0, 9, feed);
    feed.client(tail, frame(2, 1, 0x03, 0, 0, 0, 1), frame(3, 1, 0x03, 0, 0, 0, 1));
    assertEquals(List.of(2, 3), feed.events.stream().map(e -> e.fields().get("tid")).toList());
    assertEquals(List.of("modbus_resync"), feed.weirdNames());
  }

  @Test
  void malformedPdusAreFlaggedAndReported() {
    feed.client(frame(1, 1, 0x03, 0, 0));
    assertEquals("modbus_bad_pdu_length", feed.weirdNames().get(0));
    assertTrue(feed.last().isMalformed());
    feed.client(frame(2, 1, 0x10, 0, 1, 0, 2, 3, 0, 1, 0));
    assertEquals("modbus_bad_byte_count", feed.weirdNames().get(1));
    feed.client(frame(3, 1, 0x03, 0, 0, 0, 0));
    assertEquals("modbus_bad_quantity", feed.weirdNames().get(2));
    feed.client(frame(4, 1, 0x05, 0, 1, 0x12, 0x34));
    assertEquals("modbus_bad_coil_value", feed.weirdNames().get(3));
    feed.client(frame(5, 1, 0x00));
    assertEquals("modbus_bad_function_code", feed.weirdNames().get(4));
    feed.server(frame(6, 1, 0x83));
    assertEquals("modbus_bad_pdu_length", feed.weirdNames().get(5));
    assertEquals(6, feed.events.size());
    assertTrue(feed.events.stream().allMatch(TelemetryEvent::isMalformed));
  }

  @Test
  void aStreamThatIsNotModbusIsGivenUp() {
    byte[] http = "GET /index.html HTTP/1.1\r\nHost: plc\r\nUser-Agent: x\r\n\r\n".repeat(100).getBytes();
    int left = feed.offer(true, http);
    assertEquals(0, left);
    assertTrue(feed.weirdNames().contains("modbus_not_modbus"), feed.weirds.toString());
    assertEquals(List.of("modbus_bad_length", "modbus_not_modbus"), feed.weirdNames());
    feed.client(frame(1, 1, 0x03, 0, 0, 0, 1));
    assertFalse(feed.events.stream().anyMatch(e -> e.fields().get("tid").equals(1)));
  }

  @Test
  void randomBytesNeverThrow() {
    SplittableRandom random = new SplittableRandom(11);
    byte[] valid = Adu.concat(frame(1, 1, 0x03, 0, 0, 0, 2), frame(1, 1, 0x2b, 0x0e, 1, 0), frame(2, 1, 0x17, 0, 1, 0, 1,
        0, 2, 0, 1, 2, 0, 0xff));
    for (int i = 0; i < 5_000; i++) {
      Adu.Feed f = new Adu.Feed();
      byte[] bytes;
      if (i % 2 == 0) {
        bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
      } else {
        bytes = valid.clone();
        for (int k = random.nextInt(1, 5); k > 0; k--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      f.offer(random.nextBoolean(), bytes);
      f.offer(random.nextBoolean(), bytes);
    }
  }
}
