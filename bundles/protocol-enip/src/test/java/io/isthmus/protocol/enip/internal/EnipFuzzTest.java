package io.isthmus.protocol.enip.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of one conversation, TCP or UDP: arbitrary bytes in both directions,
 * cut into arbitrary chunks (TCP: the unread rest of a chunk is offered again with the next one,
 * as the capture layer does; UDP: each chunk a datagram), with gaps. Nothing may escape the
 * decoder, and it may never hold more than one encapsulation message's bytes unread. The normal
 * build replays the seed corpus in {@code EnipFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class EnipFuzzTest {
  private static final int MAX_MESSAGE = Encapsulation.HEADER + 0xffff;

  @FuzzTest(maxDuration = "5m")
  void fuzzConversation(FuzzedDataProvider data) {
    boolean udp = data.consumeBoolean();
    RecordingSink sink = new RecordingSink(udp);
    ByteBuffer[] pending = {ByteBuffer.allocate(0), ByteBuffer.allocate(0)};
    long time = 1;
    while (data.remainingBytes() > 0) {
      boolean fromClient = data.consumeBoolean();
      int what = data.consumeInt(0, 15);
      time += data.consumeInt(0, 1_000_000);
      if (what == 0) {
        sink.conversation.onGap(fromClient, time, data.consumeLong(1, 1L << 32), sink);
        pending[fromClient ? 0 : 1] = ByteBuffer.allocate(0);
        continue;
      }
      byte[] bytes = data.consumeBytes(data.consumeInt(1, 1500));
      if (udp) {
        sink.conversation.onData(fromClient, time, ByteBuffer.wrap(bytes), sink);
        continue;
      }
      int side = fromClient ? 0 : 1;
      ByteBuffer next = ByteBuffer.allocate(pending[side].remaining() + bytes.length);
      next.put(pending[side]).put(bytes).flip();
      sink.conversation.onData(fromClient, time, next, sink);
      assertTrue(next.remaining() < MAX_MESSAGE, "holds " + next.remaining() + " bytes unread");
      pending[side] = next.slice();
    }
    sink.conversation.onClose(time + 1, sink);
    sink.events.forEach(e -> assertTrue(!e.operation().isEmpty() && e.fields() != null));
  }
}
