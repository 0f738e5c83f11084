package io.isthmus.protocol.enip.internal;

import static io.isthmus.protocol.enip.internal.Wire.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.TelemetryEvent;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Truncated, absurd and random input: named weirds, malformed events, never an exception. */
class RobustnessTest {

  private static boolean weird(RecordingSink s, String name) {
    return s.weirds.stream().anyMatch(w -> w.startsWith(name + ":"));
  }

  private static byte[] noise(int length) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) 0xee);
    return b;
  }

  @Test
  void absurdLengthWaitsForBytesWithoutAllocating() {
    RecordingSink s = RecordingSink.tcp();
    byte[] header = Arrays.copyOf(Wire.encap(0x6f, 0, new byte[0]), 40);
    header[2] = (byte) 0xff;
    header[3] = (byte) 0xff;
    assertEquals(0, s.feed(true, header));
    assertTrue(s.events.isEmpty());
  }

  @Test
  void absurdItemCount() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.encap(0x6f, 0, of().u32(0).u16(0).u16(0xffff).u16(0).u16(0).build()));
    TelemetryEvent e = s.only();
    assertTrue(e.isMalformed());
    assertTrue(e.malformedReason().contains("item count 65535"), e.malformedReason());
  }

  @Test
  void absurdPathSize() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(of().u8(0x0e, 0xff, 0x20, 0x01).build()));
    assertTrue(s.only().isMalformed());
    assertTrue(weird(s, "cip_malformed"), s.weirds.toString());
    assertTrue(s.rows("cip").isEmpty());
  }

  @Test
  void absurdServiceCountAndOffsets() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(Wire.request(0x0a, Wire.path(2, 1, -1), of().u16(0xffff).u16(4).build())));
    assertTrue(s.only().isMalformed());
    RecordingSink t = RecordingSink.tcp();
    t.feed(true, Wire.sendRR(Wire.request(0x0a, Wire.path(2, 1, -1), of().u16(2).u16(6).u16(60000).u8(0x0e, 0).build())));
    assertTrue(t.events.get(0).isMalformed());
    assertTrue(t.events.get(0).malformedReason().contains("outside"), t.events.get(0).malformedReason());
  }

  @Test
  void unconnectedSendWithOversizedMessage() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(Wire.request(0x52, Wire.path(6, 1, -1), of().u8(7, 0xe9).u16(5000).u8(1, 2).build())));
    assertTrue(s.only().isMalformed());
  }

  @Test
  void deeplyNestedMultipleServicePacketsStop() {
    byte[] msg = Wire.request(0x0e, Wire.path(1, 1, 1), new byte[0]);
    for (int i = 0; i < 10; i++) {
      msg = Wire.request(0x0a, Wire.path(2, 1, -1), of().u16(1).u16(4).bytes(msg).build());
    }
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(msg));
    assertEquals(CipDecoder.MAX_DEPTH + 1, s.events.size());
    assertTrue(s.events.get(s.events.size() - 1).isMalformed());
  }

  @Test
  void truncatedCipAndItems() {
    RecordingSink s = RecordingSink.tcp();
    s.feed(true, Wire.sendRR(new byte[] {(byte) 0x8e, 0}));
    s.feed(true, Wire.encap(0x6f, 0, of().u32(0).u16(0).u16(1).u16(0xb2).u16(30).u8(1).build()));
    s.feed(true, Wire.encap(0x70, 0, of().u32(0).u16(0).build()));
    s.feed(false, Wire.encap(0x63, 0, of().u16(1).u16(0x0c).u16(10).u32(0).u32(0).u16(0).build()));
    assertEquals(4, s.events.size());
    assertTrue(s.events.stream().allMatch(TelemetryEvent::isMalformed), s.events.toString());
  }

  @Test
  void garbageIsResyncedThenGivenUp() {
    RecordingSink s = RecordingSink.tcp();
    byte[] good = Wire.encap(0x65, 0, of().u16(1).u16(0).build());
    byte[] stream = of().u8(0xde, 0xad, 0xbe, 0xef, 0xff, 0xff).u32(0xffffffffL).bytes(noise(20)).bytes(good).build();
    s.feed(true, stream);
    assertTrue(weird(s, "enip_bad_header") && weird(s, "enip_resync"), s.weirds.toString());
    assertEquals("REGISTER_SESSION", s.events.get(s.events.size() - 1).operation());
    RecordingSink g = RecordingSink.tcp();
    byte[] noise = noise(10_000);
    assertEquals(noise.length, g.feed(true, noise));
    assertTrue(weird(g, "enip_not_enip"), g.weirds.toString());
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(44818);
    for (int i = 0; i < 5_000; i++) {
      byte[] b = new byte[random.nextInt(200)];
      random.nextBytes(b);
      if (b.length >= 24 && random.nextBoolean()) {
        b[0] = (byte) (random.nextBoolean() ? 0x6f : 0x70);
        b[1] = 0;
        b[2] = (byte) (b.length - 24);
        b[3] = 0;
        Arrays.fill(b, 8, 12, (byte) 0);
      }
      RecordingSink s = random.nextBoolean() ? RecordingSink.tcp() : RecordingSink.udp();
      s.feed(random.nextBoolean(), b);
    }
  }
}
