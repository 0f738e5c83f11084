package io.isthmus.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import io.isthmus.api.decode.DecodeSink;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Damaged, hostile and endless input: counted weirds, never an exception, memory within bounds. */
class RobustnessTest {
  private static final byte[] EXAMPLE = Replay.resourceBytes("modbus_example.pcap");

  /** Replays bytes that are a capture at least by their header; any exception fails the test. */
  private static Replay replay(byte[] capture) {
    return Replay.of(capture, RecordingDecoder.rawTcp(502));
  }

  @Test
  void aCaptureCutAnywhereReplaysWhatItHolds() {
    for (int cut = 24; cut <= EXAMPLE.length; cut += cut < 400 ? 1 : 13) {
      Replay r = replay(Arrays.copyOf(EXAMPLE, cut));
      assertTrue(r.stats.packets <= 100);
      if (cut == EXAMPLE.length) {
        assertEquals(0, r.weirds.total());
      }
    }
  }

  @Test
  void randomDamageToARealCaptureNeverThrows() {
    SplittableRandom random = new SplittableRandom(42);
    byte[] pcapng = asPcapng(EXAMPLE);
    for (int i = 0; i < 400; i++) {
      byte[] damaged = (i % 2 == 0 ? EXAMPLE : pcapng).clone();
      for (int k = random.nextInt(1, 40); k > 0; k--) {
        // Leave the magic number alone: a damaged magic is a different test.
        damaged[random.nextInt(4, damaged.length)] = (byte) random.nextInt(256);
      }
      try {
        replay(damaged);
      } catch (java.io.UncheckedIOException e) {
        assertTrue(e.getCause() instanceof CaptureFormatException, e.toString());
      }
    }
  }

  @Test
  void garbageAfterAValidHeaderIsWeirdsNotErrors() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      byte[] garbage = new byte[random.nextInt(1, 20_000)];
      random.nextBytes(garbage);
      replay(PcapWriter.ethernet().raw(garbage).bytes());
      replay(new PcapngWriter(ByteOrder.LITTLE_ENDIAN).raw(garbage).bytes());
    }
  }

  @Test
  void anEndlessStreamOfHoleyConversationsStaysWithinTheBounds() throws IOException {
    ReplaySettings bounds = new ReplaySettings(500, 300_000_000L, 60_000_000L, 4096, 1024, 256 * 1024, 8, 1 << 16,
        1_000_000L);
    Weirds weirds = Weirds.silent();
    ReplayStats stats = new ReplayStats();
    DecoderRegistry registry = new DecoderRegistry();
    registry.add(new CountingDecoder());
    ConversationTracker tracker = new ConversationTracker(bounds, registry, new ConversationIds(1), "t", "s", stats,
        weirds, e -> {});
    PacketDecoder packets = new PacketDecoder(weirds, new FragmentReassembler(weirds, 8, 1 << 16, 1_000_000L));
    Packet p = new Packet();
    try (CaptureReader reader = CaptureFiles.open(new HoleyTraffic(200_000), "endless", weirds)) {
      long frames = 0;
      for (Frame f = reader.next(); f != null; f = reader.next()) {
        frames++;
        if (packets.decode(f, p)) {
          tracker.packet(p);
        }
        assertTrue(tracker.tracked() <= 500, "tracked " + tracker.tracked());
        assertTrue(tracker.bufferedBytes() <= 256 * 1024, "buffered " + tracker.bufferedBytes());
      }
      assertEquals(200_000, frames);
    }
    assertTrue(stats.evictedConversations > 15_000, "evicted " + stats.evictedConversations);
    assertTrue(stats.gaps > 1_000, "gaps " + stats.gaps);
    assertTrue(weirds.count("flow_evicted") > 15_000);
  }

  private static byte[] asPcapng(byte[] pcap) {
    PcapngWriter w = new PcapngWriter(ByteOrder.LITTLE_ENDIAN).iface(LinkLayer.ETHERNET, 0, 9, 0);
    for (Captured.Copy f : Captured.read(pcap).frames()) {
      w.epb(0, f.timeMicros() * 1000, f.data());
    }
    return w.bytes();
  }

  /**
   * A pcap generated as it is read. Nine packets in ten go to 300 steady conversations, each of
   * which loses every third segment and is never acknowledged, so all of them hold bytes back;
   * the tenth goes to a conversation never seen before, so the table keeps filling up.
   */
  private static final class HoleyTraffic extends InputStream {
    private final int frames;
    private int produced;
    private byte[] chunk = PcapWriter.ethernet().bytes();
    private int at;

    HoleyTraffic(int frames) {
      this.frames = frames;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (at == chunk.length) {
        if (produced == frames) {
          return -1;
        }
        chunk = next();
        at = 0;
      }
      int n = Math.min(len, chunk.length - at);
      System.arraycopy(chunk, at, b, off, n);
      at += n;
      return n;
    }

    private byte[] next() {
      int i = produced++;
      boolean steady = i % 10 != 0;
      int conversation = steady ? i % 300 : 1_000 + i;
      int segment = steady ? i / 300 : 0;
      // Segments 0, 1, 3, 4, 6, ... of each steady conversation: every third one is lost.
      int index = segment + segment / 2;
      String client = "10." + (conversation >> 16 & 0xff) + "." + (conversation >> 8 & 0xff) + "."
          + (conversation & 0xff);
      byte[] frame = Frames.ethernet(Frames.ipv4(client, "10.255.0.1", Packet.TCP,
          Frames.tcp(40000, 502, 1 + index * 100, 0, 0x18, new byte[100])));
      byte[] record = new byte[16 + frame.length];
      java.nio.ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN)
          .putInt(1000 + i / 10_000).putInt(i % 10_000).putInt(frame.length).putInt(frame.length).put(frame);
      return record;
    }
  }

  /** Consumes everything, keeps nothing. */
  private static final class CountingDecoder extends OneShotDecoder {
    CountingDecoder() {
      super("counting", 502);
    }

    @Override
    public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {
      data.position(data.limit());
    }
  }

  @Test
  void anEmptyCaptureReplaysToNothing() {
    Replay r = Replay.of(new ByteArrayInputStream(PcapWriter.ethernet().bytes()), ReplaySettings.DEFAULTS);
    assertEquals(0, r.stats.packets);
    assertEquals(0, r.weirds.total());
  }
}
