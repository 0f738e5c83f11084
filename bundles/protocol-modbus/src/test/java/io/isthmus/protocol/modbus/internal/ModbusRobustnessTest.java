package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.Adu.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad framing and odd PDUs: each is a named weird, nothing throws, and decoding goes on. */
class ModbusRobustnessTest {
  private final Adu.Feed feed = new Adu.Feed();

  private List<Object> tids() {
    return feed.events.stream().map(e -> e.fields().get("tid")).toList();
  }

  @Test
  void aTruncatedMbapHeaderWaitsForMoreBytes() {
    byte[] f = frame(1, 1, 0x03, 0, 0, 0, 1);
    for (int cut = 1; cut < f.length; cut++) {
      Adu.Feed partial = new Adu.Feed();
      assertEquals(cut, partial.offer(true, Arrays.copyOf(f, cut)), "nothing consumed of " + cut + " bytes");
      assertEquals(List.of(), partial.events);
      assertEquals(List.of(), partial.weirds);
    }
  }

  @Test
  void lengthZeroAndLengthsBeyondTheLargestFrameAreRejectedWithoutWaitingOrAllocating() {
    for (int length : new int[] {0, 1, 255, 261, 0xffff}) {
      Adu.Feed f = new Adu.Feed();
      byte[] bad = frame(1, 1, 0x03, 0, 0, 0, 1);
      bad[4] = (byte) (length >> 8);
      bad[5] = (byte) length;
      f.offer(true, Adu.concat(bad, frame(2, 1, 0x03, 0, 0, 0, 1), frame(3, 1, 0x04, 0, 0, 0, 1)));
      assertEquals("modbus_bad_length", f.weirdNames().get(0), "length " + length);
      assertEquals(List.of(2, 3), f.events.stream().map(e -> e.fields().get("tid")).toList(), "length " + length);
    }
  }

  @Test
  void garbageBetweenFramesIsSkippedToTheNextFrame() {
    byte[] garbage = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 0x01, 0x02, 0x03, 0x04, 0x05};
    feed.client(frame(1, 1, 0x03, 0, 0, 0, 1), garbage, frame(2, 1, 0x03, 0, 0, 0, 1), frame(3, 1, 0x03, 0, 0, 0, 1));
    assertEquals(List.of(1, 2, 3), tids());
    assertTrue(feed.weirdNames().contains("modbus_resync"), feed.weirds.toString());
    assertTrue(feed.events.stream().noneMatch(TelemetryEvent::isMalformed));
  }

  @Test
  void aFrameSplitAcrossManySegmentsDecodesOnce() {
    byte[] bytes = Adu.concat(frame(1, 1, 0x10, 0, 1, 0, 2, 4, 0, 1, 0, 2), frame(2, 1, 0x03, 0, 0, 0, 1));
    int offered = 0;
    int pending = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte[] chunk = Arrays.copyOfRange(bytes, offered - pending, i + 1);
      pending = feed.offer(true, chunk);
      offered = i + 1;
    }
    assertEquals(List.of(1, 2), tids());
    assertEquals(List.of(1, 2), feed.events.get(0).fields().get("request_values"));
    assertEquals(List.of(), feed.weirds);
  }

  @Test
  void everyFunctionCodeAndEveryShortPduIsAnEventNeverAnEscape() {
    for (int function = 0; function < 256; function++) {
      for (int data = 0; data < 12; data++) {
        int[] pdu = new int[1 + data];
        pdu[0] = function;
        Arrays.fill(pdu, 1, pdu.length, 0xff);
        feed.client(frame(function, 1, pdu));
        feed.server(frame(function, 1, pdu));
      }
    }
    assertEquals(2 * 256 * 12, feed.events.size());
  }

  /** ITI's captures: tshark 4.0 reports function codes 1, 2, 4, 15, 16 and 4, 6; none of them malformed. */
  @Test
  void itiCapturesDecodeCleanlyWithZeekRowsForEveryPdu() throws IOException {
    for (String capture : List.of("modbus_test.pcap", "modbus_polling_ModbusTCP.pcap")) {
      OfflineReplay.Result r = ModbusCaptureTest.replay(capture);
      assertEquals(Map.of(), r.weirds(), capture);
      assertTrue(r.events().stream().noneMatch(TelemetryEvent::isMalformed), capture);
      assertEquals(r.events().size(), r.log(ZeekModbusLog.PATH).size(), capture + ": one modbus.log row per PDU");
    }
  }
}
