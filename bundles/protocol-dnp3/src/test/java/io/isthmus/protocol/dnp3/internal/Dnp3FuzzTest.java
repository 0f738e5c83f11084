package io.isthmus.protocol.dnp3.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Arbitrary bytes in both directions, over TCP (arbitrary chunks, gaps) or UDP (one datagram a
 * call), through one conversation with Zeek rows wanted: nothing may escape, and the decoder must
 * honour the onData contract. Random bytes rarely pass the link CRCs, so some chunks are wrapped
 * into frames with correct CRCs to reach the transport and application layers. The normal build
 * replays the seeds in {@code Dnp3FuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class Dnp3FuzzTest {

  /** Checks weird names and that every row value has a type the Zeek writers accept. */
  private static final class CheckingSink implements DecodeSink {
    @Override
    public void emit(TelemetryEvent event) {
      assertTrue(event.protocol().equals("dnp3"));
    }

    @Override
    public void weird(long timeMicros, String name, String detail) {
      assertTrue(name.startsWith("dnp3_"), name);
    }

    @Override
    public boolean wantsLogs() {
      return true;
    }

    @Override
    public void log(long timeMicros, String path, Map<String, Object> row) {
      row.values().forEach(v -> assertTrue(v instanceof String || v instanceof Integer || v instanceof Long
          || v instanceof Boolean || v instanceof List<?>, path + " " + row));
    }
  }

  @FuzzTest(maxDuration = "5m")
  void conversationSurvivesAnyBytes(FuzzedDataProvider data) {
    boolean udp = data.consumeBoolean();
    Dnp3Conversation decoder = new Dnp3Conversation(RecordingSink.conversation(udp ? Transport.UDP : Transport.TCP),
        udp);
    CheckingSink sink = new CheckingSink();
    byte[][] unread = {new byte[0], new byte[0]};
    long time = 0;
    while (data.remainingBytes() > 0) {
      boolean client = data.consumeBoolean();
      int side = client ? 0 : 1;
      time += data.consumeInt(0, 1_000_000);
      int mode = data.consumeInt(0, 15);
      if (mode == 0 && !udp) {
        decoder.onGap(client, time, data.consumeInt(1, 1500), sink);
        unread[side] = new byte[0];
        continue;
      }
      byte[] chunk = data.consumeBytes(data.consumeInt(1, 600));
      if (mode >= 8 && chunk.length > 0) {
        // Valid link framing around fuzzed transport and application bytes.
        chunk = mode >= 12 ? Frames.fragment(data.consumeInt(0, 255), data.consumeInt(0, 65535),
            data.consumeInt(0, 65535), data.consumeInt(0, 63), chunk)
            : Frames.frame(data.consumeInt(0, 255), 10, 1, java.util.Arrays.copyOf(chunk, Math.min(chunk.length, 250)));
      }
      byte[] offered = udp ? chunk : concat(unread[side], chunk);
      ByteBuffer view = ByteBuffer.wrap(offered).asReadOnlyBuffer();
      decoder.onData(client, time, view, sink);
      assertTrue(view.position() >= 0 && view.position() <= view.limit(), "position " + view.position());
      if (udp) {
        assertTrue(!view.hasRemaining(), "a datagram is consumed whole");
      } else {
        unread[side] = new byte[view.remaining()];
        view.get(unread[side]);
        assertTrue(unread[side].length < 292, "more than one frame's bytes left unread: " + unread[side].length);
      }
    }
    decoder.onClose(time, sink);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
