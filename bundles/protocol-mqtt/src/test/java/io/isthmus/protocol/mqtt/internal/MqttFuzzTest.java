package io.isthmus.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of one conversation: arbitrary bytes in both directions, cut into
 * arbitrary TCP chunks with gaps between them, fed as the capture layer feeds them. Nothing may
 * escape the decoder, it may never hold more than one buffered packet's bytes unread, and no
 * event, row or weird may carry a CONNECT's password. The normal build replays the seed corpus
 * in {@code MqttFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes (see the module's test README).
 */
class MqttFuzzTest {
  private static final int MAX_BUFFERED = 1024;
  private static final String PASSWORD = "pw-FUZZ-SENTINEL";
  private static final byte[] CONNECT = Frames.connect311("fz", "u", PASSWORD, "w/t", "will");
  private static final byte[] CONNECT_V5 = Frames.packet(0x10, Frames.concat(Frames.str("MQTT"),
      Frames.bytes(5, 0x42, 0, 30, 0), Frames.str("fz5"), Frames.str(PASSWORD)));

  @FuzzTest(maxDuration = "5m")
  void fuzzConversation(FuzzedDataProvider data) {
    MqttConversation decoder = new MqttConversation(Frames.CONVERSATION, MAX_BUFFERED);
    Frames.Sink sink = new Frames.Sink();
    ByteBuffer[] pending = {ByteBuffer.allocate(0), ByteBuffer.allocate(0)};
    if (data.consumeBoolean()) {
      feed(decoder, true, data.consumeBoolean() ? CONNECT : CONNECT_V5, pending, sink, 0);
    }
    StringBuilder[] fed = {new StringBuilder(), new StringBuilder()};
    long time = 1;
    while (data.remainingBytes() > 0) {
      boolean fromClient = data.consumeBoolean();
      int what = data.consumeInt(0, 15);
      time += data.consumeInt(0, 3_000_000);
      if (what == 0) {
        decoder.onGap(fromClient, time, data.consumeLong(1, 1L << 32), sink);
        pending[fromClient ? 0 : 1] = ByteBuffer.allocate(0);
      } else {
        byte[] chunk = data.consumeBytes(data.consumeInt(1, 700));
        fed[fromClient ? 0 : 1].append(new String(chunk, StandardCharsets.ISO_8859_1));
        feed(decoder, fromClient, chunk, pending, sink, time);
      }
    }
    decoder.onClose(time + 1, sink);
    // The fuzzer learns the password from this very comparison and writes it into a topic or a
    // payload itself; only a password it did not supply is a leak.
    if (!fed[0].toString().contains(PASSWORD) && !fed[1].toString().contains(PASSWORD)) {
      String everything = sink.events + " " + sink.rows + " " + sink.weirds;
      assertFalse(everything.contains(PASSWORD), "the password leaked");
    }
  }

  private static void feed(MqttConversation decoder, boolean fromClient, byte[] bytes, ByteBuffer[] pending,
      Frames.Sink sink, long time) {
    int side = fromClient ? 0 : 1;
    ByteBuffer before = pending[side];
    ByteBuffer next = ByteBuffer.allocate(before.remaining() + bytes.length);
    next.put(before).put(bytes).flip();
    decoder.onData(fromClient, time, next, sink);
    assertTrue(next.position() <= next.limit(), "position past the limit");
    assertTrue(next.remaining() <= MAX_BUFFERED + 6, "holds " + next.remaining() + " bytes unread");
    pending[side] = next.slice();
  }
}
