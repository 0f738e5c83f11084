package io.isthmus.capture.internal;

import static io.isthmus.capture.internal.RecordingDecoder.pdus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
  private static final long SECOND = 1_000_000;

  /** A pcap of the frames, one per 10 ms from t = 1000 s. */
  private static byte[] capture(byte[]... frames) {
    PcapWriter w = PcapWriter.ethernet();
    for (int i = 0; i < frames.length; i++) {
      w.packet(1000, i * 10_000L, frames[i]);
    }
    return w.bytes();
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return Arrays.copyOfRange(b, from, to);
  }

  @Test
  void pdusSplitAcrossSegmentsAndSeveralInOneSegmentAreDecodedInOrder() {
    TcpSession s = TcpSession.modbus();
    byte[] requests = pdus("read", "write");
    byte[] responses = pdus("ok", "done", "bye");
    RecordingDecoder d = RecordingDecoder.tcp(502);
    Replay r = Replay.of(capture(s.syn(), s.synAck(), s.ack(),
        s.fromClient(slice(requests, 0, 3)),
        s.fromClient(slice(requests, 3, requests.length)),
        s.fromServer(responses),
        s.clientFin(), s.serverFin(), s.ack()), d);
    RecordingDecoder.Recording c = d.only();
    assertEquals(List.of("C:read", "C:write", "S:ok", "S:done", "S:bye", "close"), c.log);
    assertEquals(5, r.events.size());
    assertEquals(1, r.stats.conversations);
    assertEquals(0, r.weirds.total());
    Conversation conversation = c.conversation;
    assertEquals("10.0.0.1", conversation.client().ip());
    assertEquals(40000, conversation.client().port());
    assertEquals("02:00:00:00:00:01", conversation.client().mac());
    assertEquals("10.0.0.2", conversation.server().ip());
    assertEquals(502, conversation.server().port());
    assertEquals("02:00:00:00:00:02", conversation.server().mac());
    assertEquals(Transport.TCP, conversation.transport());
    assertEquals("t1", conversation.tenant());
    assertEquals("s1", conversation.sensor());
    assertTrue(conversation.uid().matches("C[0-9A-Za-z]{17}"), conversation.uid());
    TelemetryEvent first = r.events.get(0);
    // A PDU carries the time of the segment that completed it.
    assertEquals(1000 * SECOND + 40_000, first.timeMicros());
    assertEquals("10.0.0.2", first.device().ip());
  }

  @Test
  void outOfOrderSegmentsAndRetransmissionsAreReassembled() {
    TcpSession s = TcpSession.modbus();
    byte[] stream = pdus("alpha", "beta", "gamma", "delta");
    byte[] a = s.clientAt(0, slice(stream, 0, 4));
    byte[] b = s.clientAt(4, slice(stream, 4, 9));
    byte[] c = s.clientAt(9, slice(stream, 9, 16));
    byte[] overlap = s.clientAt(7, slice(stream, 7, 18));
    byte[] rest = s.clientAt(18, slice(stream, 18, stream.length));
    RecordingDecoder d = RecordingDecoder.tcp(502);
    Replay.of(capture(s.syn(), s.synAck(), c, a, a, b, overlap, rest, b), d);
    assertEquals(List.of("C:alpha", "C:beta", "C:gamma", "C:delta", "close"), d.only().log);
  }

  @Test
  void aLostSegmentIsAGapAndDecodingResumesAtTheNextPdu() {
    TcpSession s = TcpSession.modbus();
    byte[] one = pdus("one");
    byte[] lost = pdus("lost", "half-");
    byte[] after = pdus("after");
    RecordingDecoder d = RecordingDecoder.tcp(502);
    Replay r = Replay.of(capture(s.syn(), s.synAck(),
        s.fromClient(one), s.fromClient(slice(lost, 0, 7)),
        s.clientAt(one.length + lost.length, after),
        s.serverAcks(one.length + lost.length + after.length)), d);
    assertEquals(List.of("C:one", "C:lost", "gap C " + (lost.length - 7), "C:after", "close"), d.only().log);
    assertEquals(1, r.stats.gaps);
    assertEquals(lost.length - 7, r.stats.missedBytes);
  }

  @Test
  void aConversationPickedUpMidwayIsRoutedByTheServerPort() {
    TcpSession s = TcpSession.modbus();
    RecordingDecoder d = RecordingDecoder.tcp(502);
    Replay.of(capture(s.fromServer(pdus("late")), s.fromClient(pdus("next"))), d);
    RecordingDecoder.Recording c = d.only();
    assertEquals(List.of("S:late", "C:next", "close"), c.log);
    assertEquals(502, c.conversation.server().port());
    assertEquals("10.0.0.1", c.conversation.client().ip());
  }

  @Test
  void aSynAckWithoutItsSynStillTellsWhoIsTheClient() {
    TcpSession s = new TcpSession("10.0.0.1", 502, "10.0.0.2", 40000, 1, 2);
    RecordingDecoder d = RecordingDecoder.tcp(502, 40000);
    Replay.of(capture(s.synAck(), s.fromClient(pdus("hi"))), d);
    assertEquals("10.0.0.1", d.only().conversation.client().ip());
    assertEquals(40000, d.only().conversation.server().port());
  }

  @Test
  void conversationsNoDecoderClaimsAreCountedAndIgnored() {
    TcpSession web = new TcpSession("10.0.0.1", 40001, "10.0.0.3", 80, 1, 2);
    TcpSession modbus = TcpSession.modbus();
    RecordingDecoder d = RecordingDecoder.tcp(502);
    Replay r = Replay.of(capture(web.syn(), web.synAck(), web.fromClient(pdus("GET")), modbus.syn(),
        modbus.synAck(), modbus.fromClient(pdus("x"))), d);
    assertEquals(1, r.stats.conversations);
    assertEquals(1, r.stats.ignoredConversations);
    assertEquals(List.of("C:x", "close"), d.only().log);
  }

  @Test
  void udpDatagramsAreOfferedOneByOne() {
    RecordingDecoder d = new RecordingDecoder(Transport.UDP, 47808);
    byte[] request = Frames.ethernet(Frames.ipv4("10.0.0.1", "10.0.0.9", 17, Frames.udp(50000, 47808, pdus("who-is"))));
    byte[] reply = Frames.ethernet(Frames.ipv4("10.0.0.9", "10.0.0.1", 17, Frames.udp(47808, 50000, pdus("i-am"))));
    Replay r = Replay.of(capture(request, reply, request), d);
    assertEquals(List.of("C:who-is", "S:i-am", "C:who-is", "close"), d.only().log);
    assertEquals(3, r.stats.udpDatagrams);
  }

  @Test
  void silentConversationsExpireInCaptureTime() {
    RecordingDecoder d = new RecordingDecoder(Transport.UDP, 47808);
    byte[] a = Frames.ethernet(Frames.ipv4("10.0.0.1", "10.0.0.9", 17, Frames.udp(50000, 47808, pdus("a"))));
    byte[] b = Frames.ethernet(Frames.ipv4("10.0.0.2", "10.0.0.9", 17, Frames.udp(50000, 47808, pdus("b"))));
    byte[] capture = PcapWriter.ethernet().packet(1000, 0, a).packet(1000 + 61, 0, b).packet(1000 + 62, 0, a).bytes();
    Replay.of(capture, d);
    assertEquals(3, d.conversations.size());
    assertEquals(List.of("C:a", "close"), d.conversations.get(0).log);
  }

  @Test
  void theFlowTableIsBoundedByEvictingTheLeastRecentlyActive() {
    RecordingDecoder d = RecordingDecoder.tcp(502);
    TcpSession[] sessions = new TcpSession[5];
    PcapWriter w = PcapWriter.ethernet();
    for (int i = 0; i < sessions.length; i++) {
      sessions[i] = new TcpSession("10.0.0." + (i + 1), 40000, "10.0.1.1", 502, 1, 2);
      w.packet(1000, i, sessions[i].fromClient(pdus("pdu" + i)));
    }
    ReplaySettings two = new ReplaySettings(2, 300 * SECOND, 60 * SECOND, 1024, 1024, 1 << 20, 8, 1 << 16, SECOND);
    Replay r = Replay.of(w.bytes(), two, d);
    assertEquals(3, r.stats.evictedConversations);
    assertEquals(3, r.weirds.count("flow_evicted"));
    assertEquals(5, d.conversations.size());
    d.conversations.forEach(c -> assertEquals("close", c.log.get(c.log.size() - 1)));
  }

  @Test
  void aNewSynOnTheSamePortsStartsANewConversation() {
    TcpSession first = TcpSession.modbus();
    TcpSession second = new TcpSession("10.0.0.1", 40000, "10.0.0.2", 502, 77_777, 88_888);
    RecordingDecoder d = RecordingDecoder.tcp(502);
    Replay.of(capture(first.syn(), first.synAck(), first.fromClient(pdus("old")),
        second.syn(), second.synAck(), second.fromClient(pdus("new"))), d);
    assertEquals(2, d.conversations.size());
    assertEquals(List.of("C:old", "close"), d.conversations.get(0).log);
    assertEquals(List.of("C:new", "close"), d.conversations.get(1).log);
  }

  @Test
  void aDecoderThatConsumesNothingIsCutOffAtTheBound() {
    StubbornDecoder d = new StubbornDecoder();
    TcpSession s = TcpSession.modbus();
    PcapWriter w = PcapWriter.ethernet().packet(1, 0, s.syn()).packet(1, 1, s.synAck());
    for (int i = 0; i < 10; i++) {
      w.packet(1, 10 + i, s.fromClient(new byte[1000]));
    }
    ReplaySettings settings = new ReplaySettings(16, 300 * SECOND, 60 * SECOND, 1 << 16, 4096, 1 << 20, 8, 1 << 16,
        SECOND);
    Replay r = Replay.of(w.bytes(), settings, d);
    assertEquals(2, r.weirds.count("decoder_stalled"));
    assertEquals(List.of(5000L, 5000L), d.gaps);
  }

  @Test
  void aDecoderThatThrowsIsDetachedAndTheReplayGoesOn() {
    ThrowingDecoder bad = new ThrowingDecoder();
    RecordingDecoder good = RecordingDecoder.tcp(502);
    TcpSession a = new TcpSession("10.0.0.1", 40000, "10.0.0.2", 20000, 1, 2);
    TcpSession b = TcpSession.modbus();
    Replay r = Replay.of(capture(a.fromClient(pdus("boom")), a.fromClient(pdus("again")), b.fromClient(pdus("fine"))),
        bad, good);
    assertEquals(1, r.weirds.count("decoder_failure"));
    assertEquals(1, bad.calls);
    assertEquals(List.of("C:fine", "close"), good.only().log);
  }

  @Test
  void aDecoderThatLeavesStopsBeingCalled() {
    RecordingDecoder d = RecordingDecoder.tcp(502);
    DecoderRegistry registry = new DecoderRegistry();
    registry.add(d);
    TcpSession s = TcpSession.modbus();
    byte[] capture = capture(s.fromClient(pdus("before")), s.fromClient(pdus("after")));
    Weirds weirds = Weirds.silent();
    int[] seen = {0};
    try (CaptureReader reader = CaptureFiles.open(new java.io.ByteArrayInputStream(capture), "t", weirds)) {
      new CaptureReplayer(ReplaySettings.DEFAULTS, registry, "t", "s").run(reader, weirds, e -> {
        seen[0]++;
        registry.remove(d);
      }, () -> false, 1, 0);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertEquals(1, seen[0]);
    assertEquals(List.of("C:before"), d.only().log);
    assertNull(registry.find(Transport.TCP, 502));
  }

  @Test
  void ipv6ConversationsOverVlanAreDecoded() {
    RecordingDecoder d = RecordingDecoder.tcp(502);
    byte[] tcp = Frames.tcp(40000, 502, 10, 0, Packet.ACK, pdus("v6"));
    byte[] frame = Frames.ethernet(1, 2, 0x86dd, Frames.ipv6("fe80::1", "fe80::2", 6, tcp), 7);
    Replay.of(capture(frame), d);
    assertEquals("fe80::2", d.only().conversation.server().ip());
    assertEquals(List.of("C:v6", "close"), d.only().log);
  }

  /** Never consumes a byte. */
  private static final class StubbornDecoder extends OneShotDecoder {
    final List<Long> gaps = new java.util.ArrayList<>();

    StubbornDecoder() {
      super("stubborn", 502);
    }

    @Override
    public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {}

    @Override
    public void onGap(boolean fromClient, long timeMicros, long missingBytes, DecodeSink sink) {
      gaps.add(missingBytes);
    }
  }

  /** Throws on its first bytes. */
  private static final class ThrowingDecoder extends OneShotDecoder {
    int calls;

    ThrowingDecoder() {
      super("throwing", 20000);
    }

    @Override
    public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {
      calls++;
      throw new IllegalStateException("bug");
    }
  }
}
