package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps what a decoder reports, and feeds it bytes the way the capture layer does. */
final class RecordingSink implements DecodeSink {
  final List<TelemetryEvent> events = new ArrayList<>();
  final List<String> weirds = new ArrayList<>();
  final List<String> weirdDetails = new ArrayList<>();
  final List<Map.Entry<String, Map<String, Object>>> logs = new ArrayList<>();

  static Conversation conversation(Transport transport) {
    return new Conversation("C1", transport, Endpoint.of("10.0.0.1", 50000), Endpoint.of("10.0.0.2", 20000),
        "default", "test");
  }

  @Override
  public void emit(TelemetryEvent event) {
    events.add(event);
  }

  @Override
  public void weird(long timeMicros, String name, String detail) {
    weirds.add(name);
    weirdDetails.add(name + ": " + detail);
  }

  @Override
  public boolean wantsLogs() {
    return true;
  }

  @Override
  public void log(long timeMicros, String path, Map<String, Object> row) {
    logs.add(Map.entry(path, Map.copyOf(row)));
  }

  List<Map<String, Object>> log(String path) {
    return logs.stream().filter(e -> e.getKey().equals(path)).map(Map.Entry::getValue).toList();
  }

  /**
   * Feeds {@code bytes} as TCP does: in chunks of {@code chunk} bytes, keeping unread bytes and
   * offering them again with the next chunk. Returns how many bytes stayed unread at the end.
   */
  int tcp(ConversationDecoder decoder, boolean fromClient, byte[] bytes, int chunk) {
    byte[] pending = new byte[0];
    for (int at = 0; at < bytes.length; at += chunk) {
      int n = Math.min(chunk, bytes.length - at);
      byte[] offered = new byte[pending.length + n];
      System.arraycopy(pending, 0, offered, 0, pending.length);
      System.arraycopy(bytes, at, offered, pending.length, n);
      ByteBuffer buffer = ByteBuffer.wrap(offered);
      decoder.onData(fromClient, 1_000_000L + at, buffer, this);
      pending = new byte[buffer.remaining()];
      buffer.get(pending);
    }
    return pending.length;
  }
}
