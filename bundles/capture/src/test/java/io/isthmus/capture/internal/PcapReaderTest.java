package io.isthmus.capture.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class PcapReaderTest {

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void readsMicrosecondLittleEndianRecords() {
    byte[] capture = PcapWriter.ethernet()
        .packet(1_600_000_000L, 1, text("first"))
        .packet(1_600_000_001L, 999_999, text("second"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals("pcap", c.format());
    assertEquals(List.of("first", "second"), c.texts());
    assertEquals(1_600_000_000_000_001L, c.frames().get(0).timeMicros());
    assertEquals(1_600_000_001_999_999L, c.frames().get(1).timeMicros());
    assertEquals(LinkLayer.ETHERNET, c.frames().get(0).linkType());
    assertEquals(0, c.weirds().total());
  }

  @Test
  void readsNanosecondBigEndianRecords() {
    byte[] capture = PcapWriter.create(ByteOrder.BIG_ENDIAN, true, LinkLayer.LINUX_SLL, 65_535)
        .packet(1_700_000_000L, 123_456_789, text("ns"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals("pcap (ns)", c.format());
    assertEquals(1_700_000_000_123_456L, c.frames().get(0).timeMicros());
    assertEquals(LinkLayer.LINUX_SLL, c.frames().get(0).linkType());
  }

  @Test
  void readsEveryMagicInBothByteOrders() {
    for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
      for (boolean nanos : List.of(false, true)) {
        byte[] capture = PcapWriter.create(order, nanos, LinkLayer.RAW, 65_535).packet(10, 1_000, text("x")).bytes();
        Captured c = Captured.read(capture);
        assertEquals(10_000_000L + (nanos ? 1 : 1_000), c.frames().get(0).timeMicros(), order + " nanos=" + nanos);
        assertEquals(LinkLayer.RAW, c.frames().get(0).linkType());
      }
    }
  }

  @Test
  void theFcsBitsOfTheLinkTypeFieldAreNotTheLinkType() {
    byte[] capture = PcapWriter.create(ByteOrder.LITTLE_ENDIAN, false, 0x5000_0000 | LinkLayer.ETHERNET, 65_535)
        .packet(1, 0, text("fcs")).bytes();
    assertEquals(LinkLayer.ETHERNET, Captured.read(capture).frames().get(0).linkType());
  }

  @Test
  void aFrameCutBySnapLengthKeepsItsOriginalLength() {
    byte[] capture = PcapWriter.ethernet().packet(1, 0, new byte[100], 60).bytes();
    Captured.Copy f = Captured.read(capture).frames().get(0);
    assertEquals(60, f.data().length);
    assertEquals(100, f.originalLength());
  }

  @Test
  void aFileCutInsideARecordEndsWithAWeird() {
    byte[] whole = PcapWriter.ethernet().packet(1, 0, text("one")).packet(2, 0, text("two-two-two")).bytes();
    for (int cut = 24 + 16 + 3 + 1; cut < whole.length; cut++) {
      Captured c = Captured.read(Arrays.copyOf(whole, cut));
      assertEquals(List.of("one"), c.texts(), "cut at " + cut);
      assertEquals(1, c.weirds().count("pcap_truncated"), "cut at " + cut);
    }
  }

  @Test
  void anAbsurdRecordLengthIsSkippedAndReadingGoesOn() {
    byte[] capture = PcapWriter.ethernet()
        .packet(100, 0, text("before"))
        .header(100, 5, 1_000_000_000L, 1_000_000_000L)
        .raw(text("garbage that is no record header at all, 47 b"))
        .packet(101, 0, text("after"))
        .packet(102, 0, text("last"))
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("before", "after", "last"), c.texts());
    assertEquals(1, c.weirds().count("pcap_bad_record_length"));
  }

  @Test
  void garbageAfterADamagedRecordUpToTheEndIsSkippedQuietly() {
    byte[] capture = PcapWriter.ethernet()
        .packet(100, 0, text("only"))
        .header(100, 5, 0xffff_ffffL, 12)
        .raw(new byte[5000])
        .bytes();
    Captured c = Captured.read(capture);
    assertEquals(List.of("only"), c.texts());
    assertEquals(1, c.weirds().count("pcap_bad_record_length"));
  }

  @Test
  void aSubSecondPartOutOfRangeIsAWeirdButTheFrameIsKept() {
    Captured c = Captured.read(PcapWriter.ethernet().packet(1, 2_000_000, text("odd")).bytes());
    assertEquals(List.of("odd"), c.texts());
    assertEquals(1, c.weirds().count("pcap_bad_timestamp"));
  }

  @Test
  void aFileThatIsNotACaptureIsOneClearError() {
    CaptureFormatException e = assertThrows(CaptureFormatException.class,
        () -> CaptureFiles.open(new ByteArrayInputStream(text("GET / HTTP/1.1\r\nHost: x\r\n\r\n")), "notes.txt",
            Weirds.silent()));
    assertEquals("notes.txt is not a pcap or pcapng capture (it starts with 0x47455420)", e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void emptyAndTinyFilesAreNotCaptures() {
    assertEquals("x.pcap is not a capture: it is empty", assertThrows(CaptureFormatException.class,
        () -> CaptureFiles.open(new ByteArrayInputStream(new byte[0]), "x.pcap", Weirds.silent())).getMessage());
    assertEquals("x.pcap is not a capture: it is only 3 bytes long", assertThrows(CaptureFormatException.class,
        () -> CaptureFiles.open(new ByteArrayInputStream(new byte[3]), "x.pcap", Weirds.silent())).getMessage());
  }

  @Test
  void aFileCutInsideItsHeaderIsNotACapture() {
    byte[] header = Arrays.copyOf(PcapWriter.ethernet().bytes(), 20);
    assertEquals("x.pcap is cut inside its pcap file header", assertThrows(CaptureFormatException.class,
        () -> CaptureFiles.open(new ByteArrayInputStream(header), "x.pcap", Weirds.silent())).getMessage());
  }

  @Test
  void readsGzipCompressedCaptures() throws IOException {
    byte[] capture = PcapWriter.ethernet().packet(1, 0, text("zipped")).packet(2, 0, text("too")).bytes();
    byte[] gz = gzip(capture);
    assertEquals(List.of("zipped", "too"), Captured.read(gz).texts());
    Captured cut = Captured.read(Arrays.copyOf(gz, gz.length - 12));
    assertTrue(cut.weirds().total() >= 1, cut.weirds().toString());
  }

  @Test
  void readsTheIcsnppModbusExample() {
    Captured c = Captured.read(Replay.resourceBytes("modbus_example.pcap"));
    assertEquals(100, c.frames().size());
    assertEquals(0, c.weirds().total());
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0}, Arrays.copyOf(c.frames().get(0).data(), 6));
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }
}
