package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A decoder for tests on TCP port 502: takes every byte offered, logs a row per delivery to log
 * {@code test} (bytes, direction) and reports a weird on the first bytes of each conversation.
 */
class LoggingDecoder implements ProtocolDecoder {
  static final String PATH = "test";
  static final String WEIRD = "test_first_data";

  @Override
  public String protocol() {
    return "test";
  }

  @Override
  public Transport transport() {
    return Transport.TCP;
  }

  @Override
  public Set<Integer> ports() {
    return Set.of(502);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return new ConversationDecoder() {
      private boolean seen;

      @Override
      public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {
        if (!seen) {
          seen = true;
          sink.weird(timeMicros, WEIRD, "first \"bytes\"\n of " + conversation.uid());
        }
        if (sink.wantsLogs()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("bytes", (long) data.remaining());
          row.put("from_client", fromClient);
          row.put("unset", null);
          sink.log(timeMicros, PATH, row);
        }
        data.position(data.limit());
      }
    };
  }
}
