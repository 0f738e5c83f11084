package io.isthmus.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapngReaderTest {
  private static final long T0 = 1_700_000_000L;

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void eachInterfaceHasItsOwnLinkTypeAndTimestampResolution() {
    byte[] capture = new PcapngWriter(ByteOrder.LITTLE_ENDIAN)
        .iface(LinkLayer.ETHERNET, 262_144, -1, 0)
        .iface(LinkLayer.LINUX_SLL, 65_535, 9, 0)
        .iface(LinkLayer.RAW, 0, 0x80 | 10, 0)
        .epb(0, T0 * 1_000_000 + 42, text("micro"))
        .epb(1, T0 * 1_000_000_000 + 42_987, text("nano"))
        .epb(2, (T0 << 10) | 512, text("binary"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals("pcapng", c.format());
    assertEquals(List.of("micro", "nano", "binary"), c.texts());
    assertEquals(List.of(LinkLayer.ETHERNET, LinkLayer.LINUX_SLL, LinkLayer.RAW),
        c.frames().stream().map(Captured.Copy::linkType).toList());
    assertEquals(List.of(T0 * 1_000_000 + 42, T0 * 1_000_000 + 42, T0 * 1_000_000 + 500_000),
        c.frames().stream().map(Captured.Copy::timeMicros).toList());
    assertEquals(0, c.weirds().total());
  }

  @Test
  void theTimestampOffsetOptionIsAdded() {
    byte[] capture = new PcapngWriter(ByteOrder.BIG_ENDIAN).iface(LinkLayer.ETHERNET, 0, -1, T0)
        .epb(0, 7, text("x")).bytes();
    assertEquals(T0 * 1_000_000 + 7, Captured.read(capture).frames().get(0).timeMicros());
  }

  @Test
  void aNewSectionBringsItsOwnByteOrderAndInterfaces() {
    byte[] capture = new PcapngWriter(ByteOrder.BIG_ENDIAN)
        .iface(LinkLayer.ETHERNET, 0, -1, 0)
        .iface(LinkLayer.RAW, 0, -1, 0)
        .epb(1, 1, text("big"))
        .section(ByteOrder.LITTLE_ENDIAN)
        .iface(LinkLayer.LINUX_SLL2, 0, -1, 0)
        .epb(0, 2, text("little"))
        .epb(1, 3, text("stale interface"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("big", "little"), c.texts());
    assertEquals(List.of(LinkLayer.RAW, LinkLayer.LINUX_SLL2), c.frames().stream().map(Captured.Copy::linkType).toList());
    assertEquals(1, c.weirds().count("pcapng_unknown_interface"));
  }

  @Test
  void simplePacketBlocksUseTheFirstInterfaceAndItsSnapLength() {
    byte[] capture = new PcapngWriter(ByteOrder.LITTLE_ENDIAN)
        .iface(LinkLayer.ETHERNET, 4, -1, 0)
        .epb(0, 5_000_000, text("timed"))
        .spb(text("simple"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("timed", "simp"), c.texts());
    assertEquals(6, c.frames().get(1).originalLength());
    // A simple packet block has no timestamp: it keeps the last one seen.
    assertEquals(5_000_000, c.frames().get(1).timeMicros());
  }

  @Test
  void obsoletePacketBlocksAreRead() {
    ByteBuffer body = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    body.putShort((short) 0).putShort((short) 0).putInt(0).putInt(9).putInt(4).putInt(4).put(text("old!"));
    byte[] capture = new PcapngWriter(ByteOrder.LITTLE_ENDIAN).iface(LinkLayer.ETHERNET, 0, -1, 0)
        .block(PcapngReader.PACKET, body.array()).bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("old!"), c.texts());
    assertEquals(9, c.frames().get(0).timeMicros());
  }

  @Test
  void otherBlocksAreSkipped() {
    byte[] capture = new PcapngWriter(ByteOrder.LITTLE_ENDIAN)
        .iface(LinkLayer.ETHERNET, 0, -1, 0)
        .block(PcapngReader.NAME_RESOLUTION, new byte[12])
        .block(0x0000_0bad, text("custom block"))
        .block(PcapngReader.INTERFACE_STATISTICS, new byte[20])
        .epb(0, 1, text("packet"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("packet"), c.texts());
    assertEquals(0, c.weirds().total());
  }

  @Test
  void anAbsurdBlockLengthIsSkippedAndReadingGoesOn() {
    ByteBuffer bad = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    bad.putInt(PcapngReader.ENHANCED_PACKET).putInt(0x7fff_fff0).putInt(0).putInt(0).putInt(0).putInt(0);
    byte[] capture = new PcapngWriter(ByteOrder.LITTLE_ENDIAN)
        .iface(LinkLayer.ETHERNET, 0, -1, 0)
        .epb(0, 1, text("before"))
        .raw(bad.array())
        .raw(text("and some garbage"))
        .epb(0, 2, text("after"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("before", "after"), c.texts());
    assertEquals(1, c.weirds().count("pcapng_bad_block_length"));
  }

  @Test
  void aBlockWhoseTrailingLengthDisagreesIsSkipped() {
    byte[] good = new PcapngWriter(ByteOrder.LITTLE_ENDIAN).iface(LinkLayer.ETHERNET, 0, -1, 0)
        .epb(0, 1, text("damaged!")).epb(0, 2, text("fine")).bytes();
    int damagedEnd = new PcapngWriter(ByteOrder.LITTLE_ENDIAN).iface(LinkLayer.ETHERNET, 0, -1, 0)
        .epb(0, 1, text("damaged!")).bytes().length;
    good[damagedEnd - 4] ^= 0x55;
    Captured c = Captured.read(good);
    assertEquals(List.of("fine"), c.texts());
    assertEquals(1, c.weirds().count("pcapng_block_length_mismatch"));
  }

  @Test
  void aPacketLongerThanItsBlockIsAWeird() {
    ByteBuffer body = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    body.putInt(0).putInt(0).putInt(1).putInt(4000).putInt(4000).put(text("tiny"));
    byte[] capture = new PcapngWriter(ByteOrder.LITTLE_ENDIAN).iface(LinkLayer.ETHERNET, 0, -1, 0)
        .block(PcapngReader.ENHANCED_PACKET, body.array()).epb(0, 2, text("next")).bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("next"), c.texts());
    assertEquals(1, c.weirds().count("pcapng_bad_block"));
  }

  @Test
  void aFileCutInsideABlockEndsWithAWeird() {
    byte[] whole = new PcapngWriter(ByteOrder.BIG_ENDIAN).iface(LinkLayer.ETHERNET, 0, -1, 0)
        .epb(0, 1, text("kept")).epb(0, 2, text("cut off")).bytes();
    for (int cut = whole.length - 30; cut < whole.length; cut++) {
      Captured c = Captured.read(Arrays.copyOf(whole, cut));
      assertEquals(List.of("kept"), c.texts(), "cut at " + cut);
      assertEquals(1, c.weirds().count("pcapng_truncated"), "cut at " + cut);
    }
  }

  @Test
  void aSectionHeaderWithoutByteOrderMagicIsNotACapture() {
    byte[] capture = new PcapngWriter(ByteOrder.LITTLE_ENDIAN).bytes();
    capture[8] = 0;
    assertThrows(CaptureFormatException.class,
        () -> CaptureFiles.open(new ByteArrayInputStream(capture), "x.pcapng", Weirds.silent()));
  }

  @Test
  void aRealCaptureReadsTheSameAsPcapAndAsPcapngWithNanosecondsOnTwoInterfaces() {
    Captured pcap = Captured.read(Replay.resourceBytes("modbus_example.pcap"));
    PcapngWriter w = new PcapngWriter(ByteOrder.BIG_ENDIAN).iface(LinkLayer.ETHERNET, 0, -1, 0)
        .iface(LinkLayer.ETHERNET, 0, 9, 0);
    for (int i = 0; i < pcap.frames().size(); i++) {
      Captured.Copy f = pcap.frames().get(i);
      w.epb(i % 2, i % 2 == 0 ? f.timeMicros() : f.timeMicros() * 1_000, f.data());
    }
    Captured ng = Captured.read(w.bytes());
    assertEquals(pcap.frames().size(), ng.frames().size());
    for (int i = 0; i < pcap.frames().size(); i++) {
      assertEquals(pcap.frames().get(i).timeMicros(), ng.frames().get(i).timeMicros());
      assertEquals(Arrays.toString(pcap.frames().get(i).data()), Arrays.toString(ng.frames().get(i).data()));
    }
  }
}
