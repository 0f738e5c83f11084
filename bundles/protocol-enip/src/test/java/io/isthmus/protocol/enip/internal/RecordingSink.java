package io.isthmus.protocol.enip.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps what a decoder emits; feeds bytes to a fresh conversation. */
final class RecordingSink implements DecodeSink {
  static final Conversation TCP = new Conversation("Ctest", Transport.TCP, Endpoint.of("10.0.0.1", 50000),
      Endpoint.of("10.0.0.2", 44818), "default", "test");
  static final Conversation UDP = new Conversation("Cudp", Transport.UDP, Endpoint.of("10.0.0.1", 2222),
      Endpoint.of("10.0.0.2", 2222), "default", "test");

  record Row(String path, Map<String, Object> columns) {}

  final List<TelemetryEvent> events = new ArrayList<>();
  final List<String> weirds = new ArrayList<>();
  final List<Row> rows = new ArrayList<>();
  final EnipConversation conversation;

  RecordingSink(boolean udp) {
    conversation = new EnipConversation(udp ? UDP : TCP, udp);
  }

  static RecordingSink tcp() {
    return new RecordingSink(false);
  }

  static RecordingSink udp() {
    return new RecordingSink(true);
  }

  /** Offers {@code bytes} from one side; returns how many the decoder consumed. */
  int feed(boolean fromClient, byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    conversation.onData(fromClient, 1_000_000L, b, this);
    return b.position();
  }

  List<Map<String, Object>> rows(String path) {
    return rows.stream().filter(r -> r.path.equals(path)).map(Row::columns).toList();
  }

  TelemetryEvent only() {
    if (events.size() != 1) {
      throw new AssertionError("expected one event, got " + events);
    }
    return events.get(0);
  }

  @Override
  public void emit(TelemetryEvent event) {
    events.add(event);
  }

  @Override
  public void weird(long timeMicros, String name, String detail) {
    weirds.add(name + ": " + detail);
  }

  @Override
  public boolean wantsLogs() {
    return true;
  }

  @Override
  public void log(long timeMicros, String path, Map<String, Object> row) {
    rows.add(new Row(path, row));
  }
}
