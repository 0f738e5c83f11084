package io.isthmus.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Arbitrary bytes in both directions, cut into arbitrary TCP chunks with gaps, through one
 * conversation with Zeek rows wanted: nothing may escape, and the decoder must honour the
 * onData contract (never read past the data, never give back consumed bytes). The normal build
 * replays the seeds in {@code ModbusFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ModbusFuzzTest {

  /** Checks every row value has a type the Zeek writers accept. */
  private static final class CheckingSink implements DecodeSink {
    @Override
    public void emit(TelemetryEvent event) {}

    @Override
    public void weird(long timeMicros, String name, String detail) {
      assertTrue(name.startsWith("modbus_"), name);
    }

    @Override
    public boolean wantsLogs() {
      return true;
    }

    @Override
    public void log(long timeMicros, String path, Map<String, Object> row) {
      row.values().forEach(v -> assertTrue(v instanceof String || v instanceof Integer || v instanceof Boolean
          || v instanceof List<?> l && l.stream().allMatch(Integer.class::isInstance), path + " " + row));
    }
  }

  @FuzzTest(maxDuration = "5m")
  void conversationSurvivesAnyBytes(FuzzedDataProvider data) {
    ModbusConversation decoder = new ModbusConversation(Adu.CONVERSATION);
    CheckingSink sink = new CheckingSink();
    byte[][] unread = {new byte[0], new byte[0]};
    long time = 0;
    while (data.remainingBytes() > 0) {
      boolean client = data.consumeBoolean();
      int side = client ? 0 : 1;
      time += data.consumeInt(0, 1_000_000);
      if (data.consumeInt(0, 15) == 0) {
        decoder.onGap(client, time, data.consumeInt(1, 1500), sink);
        unread[side] = new byte[0];
        continue;
      }
      byte[] chunk = data.consumeBytes(data.consumeInt(1, 600));
      ByteBuffer buffer = ByteBuffer.allocate(unread[side].length + chunk.length);
      buffer.put(unread[side]).put(chunk).flip();
      ByteBuffer view = buffer.asReadOnlyBuffer();
      decoder.onData(client, time, view, sink);
      assertTrue(view.position() >= 0 && view.position() <= view.limit(), "position " + view.position());
      unread[side] = new byte[view.remaining()];
      view.get(unread[side]);
    }
    decoder.onClose(time, sink);
  }
}
