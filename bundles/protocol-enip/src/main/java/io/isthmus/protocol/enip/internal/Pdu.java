package io.isthmus.protocol.enip.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where the decoding of one encapsulation message or I/O datagram writes: events, weirds and Zeek
 * rows, with the sender, time and the fields every event of the message shares.
 */
final class Pdu {
  final Conversation conversation;
  final DecodeSink sink;
  final long time;
  final boolean fromClient;
  final int size;
  private final long serial;
  /** Fields of the encapsulation header, copied into each event of the message. */
  final Map<String, Object> shared = new LinkedHashMap<>();

  Pdu(Conversation conversation, DecodeSink sink, long time, boolean fromClient, int size, long serial) {
    this.conversation = conversation;
    this.sink = sink;
    this.time = time;
    this.fromClient = fromClient;
    this.size = size;
    this.serial = serial;
  }

  boolean wantsLogs() {
    return sink.wantsLogs();
  }

  void weird(String name, String detail) {
    sink.weird(time, name, detail);
  }

  /** The columns ICSNPP puts after {@code id.*} in each of its logs, up to the correlation id. */
  Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>();
    Endpoint source = fromClient ? conversation.client() : conversation.server();
    Endpoint destination = fromClient ? conversation.server() : conversation.client();
    row.put("is_orig", fromClient);
    row.put("source_h", source.ip());
    row.put("source_p", source.port());
    row.put("destination_h", destination.ip());
    row.put("destination_p", destination.port());
    // Ties the rows of one message together, as ICSNPP's random id does; ours is the uid and a count.
    row.put("packet_correlation_id", conversation.uid() + "-" + serial);
    return row;
  }

  void log(String path, Map<String, Object> row) {
    sink.log(time, path, row);
  }

  Map<String, Object> fields() {
    return new LinkedHashMap<>(shared);
  }

  void emit(String operation, Direction direction, Map<String, Object> fields, @Nullable String malformed) {
    sink.emit(TelemetryEvent.builder()
        .timeMicros(time)
        .tenant(conversation.tenant())
        .sensor(conversation.sensor())
        .source(fromClient ? conversation.client() : conversation.server())
        .destination(fromClient ? conversation.server() : conversation.client())
        .protocol(EnipTcpDecoder.PROTOCOL)
        .operation(operation)
        .direction(direction)
        .fields(fields)
        .payloadSize(size)
        .malformed(malformed)
        .build());
  }
}
