package io.isthmus.protocol.bacnet.internal;

import static io.isthmus.protocol.bacnet.internal.Recorder.bvlc;
import static io.isthmus.protocol.bacnet.internal.Recorder.unicast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input never escapes the decoder: every defect is a weird, and decoding goes on. */
class BacnetRobustnessTest {
  /** Valid datagrams of several kinds, to cut short and to corrupt. */
  private static final List<byte[]> VALID = List.of(
      bvlc(0x0b, "0120ffff00ff 1008 090a 1914"),
      bvlc(0x04, "c0a80105bac0 0100 1000 c40200002d 2205c4 9103 210f"),
      unicast("0005070f 0c00800001 1955 3e 4442910000 3f 4908"),
      unicast("30050e 0c00800001 1e 2955 4e 4442910000 4f 296f 5e 9102 9120 5f 1f"),
      unicast("00050111 0905 1901 2d0400707764"),
      unicast("5002149105911a"),
      bvlc(0x0a, "01a0 0005 01 07 ff 03 00 0005"));

  @Test
  void everyTruncationIsReportedNotThrown() {
    for (byte[] valid : VALID) {
      for (int n = 0; n < valid.length; n++) {
        Recorder r = new Recorder().send(true, Arrays.copyOf(valid, n));
        // Cut short, the datagram's BVLC length no longer matches, so each prefix is at least weird.
        assertTrue(!r.weirds.isEmpty(), n + " bytes of " + Recorder.hex(valid));
      }
    }
  }

  @Test
  void garbageAndFlippedBytesNeverThrow() {
    Random random = new Random(47808);
    Recorder r = new Recorder();
    for (int i = 0; i < 20_000; i++) {
      byte[] d;
      if (i % 2 == 0) {
        d = VALID.get(random.nextInt(VALID.size())).clone();
        for (int k = 0, flips = 1 + random.nextInt(4); k < flips; k++) {
          d[random.nextInt(d.length)] = (byte) random.nextInt(256);
        }
      } else {
        d = new byte[random.nextInt(64)];
        random.nextBytes(d);
        if (d.length > 1) {
          d[0] = (byte) 0x81;
        }
      }
      r.send(random.nextBoolean(), d);
    }
    assertTrue(r.weirds.size() > 1000);
  }

  @Test
  void absurdTagLengthsAreWeirdAndCostNothing() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      // A context tag declaring 0xFFFFFFFF data octets, and one declaring 65,535.
      Recorder r = new Recorder()
          .send(true, unicast("1008 0dffffffffff 01"))
          .send(true, unicast("00050c0c 0dfeffff 00"));
      assertEquals(2, r.weirds.stream().filter(w -> w.startsWith("bacnet_bad_tag")).count(), r.weirds.toString());
      assertTrue(r.events.stream().allMatch(e -> e.isMalformed()));
      // ICSNPP's parser rejects such an APDU outright: no row.
      assertEquals(List.of(), r.rows("bacnet"));
    });
  }

  @Test
  void absurdNestingIsWeirdButDecoded() {
    String deep = "0e".repeat(200) + "0f".repeat(200);
    Recorder r = new Recorder().send(true, unicast("00050c0c 0c00800001 1955" + deep));
    assertTrue(r.weird("bacnet_nesting_too_deep"), r.weirds.toString());
    assertEquals("READ_PROPERTY", r.last().operation());
    assertTrue(r.last().isMalformed());
    Recorder unbalanced = new Recorder().send(true, unicast("00050c0c 0c00800001 1955 0e0e0f"));
    assertTrue(unbalanced.weird("bacnet_unbalanced_tags"), unbalanced.weirds.toString());
  }

  @Test
  void notBacnetAtAll() {
    Recorder r = new Recorder()
        .send(true, new byte[] {0x45, 0, 0, 20})
        .send(true, new byte[] {(byte) 0x81})
        .send(true, bvlc(0x0d, "00"))
        .send(true, bvlc(0x0a, "0200 1008"));
    assertTrue(r.weird("bacnet_not_bvlc"));
    assertTrue(r.weird("bacnet_truncated_bvlc"));
    assertTrue(r.weird("bacnet_unknown_bvlc_function"));
    assertTrue(r.weird("bacnet_bad_npdu_version"));
    assertEquals(List.of(), r.events);
  }

  @Test
  void tooManySegmentedMessagesAtOnceAreBounded() {
    Recorder r = new Recorder();
    for (int invoke = 0; invoke < 3 * Segments.MAX_MESSAGES; invoke++) {
      r.send(false, unicast(String.format("3c%02x00040c 0c0200002d", invoke)));
    }
    assertTrue(r.weird("bacnet_segment_restart"), r.weirds.toString());
  }

  @Test
  void aMalformedPropertyListCannotMultiplyRows() {
    // ReadPropertyMultiple without any closing tag: ICSNPP's walk restarts at every tag (quadratic).
    String tags = "0c00800001 1e" + "0955".repeat(3000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      Recorder r = new Recorder().send(true, unicast("0005010e" + tags));
      int rows = r.rows("bacnet_property").size();
      assertTrue(rows > 3000 && rows <= ZeekRows.MAX_EXTRA_ROWS + 3002, "rows: " + rows);
    });
  }
}
