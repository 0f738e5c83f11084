package io.isthmus.protocol.bacnet.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;

/**
 * Coverage-guided fuzzing of the conversation decoder (Jazzer). The input is a sequence of
 * datagrams, each {@code [direction byte][length, 2 bytes][bytes]}, so the seeds under
 * {@code BacnetFuzzTestInputs/datagrams} are real datagrams from the test captures. In the normal
 * build only the seeds run; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class BacnetFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void datagrams(byte[] input) {
    Recorder r = new Recorder();
    ByteBuffer in = ByteBuffer.wrap(input);
    long time = 0;
    while (in.remaining() >= 3) {
      boolean fromClient = (in.get() & 1) == 1;
      int length = Math.min(in.getShort() & 0xffff, in.remaining());
      byte[] datagram = new byte[length];
      in.get(datagram);
      r.conversation.onData(fromClient, time++, ByteBuffer.wrap(datagram), r);
    }
    r.conversation.onClose(time, r);
    for (TelemetryEvent e : r.events) {
      assertNotNull(e.operation());
    }
  }
}
