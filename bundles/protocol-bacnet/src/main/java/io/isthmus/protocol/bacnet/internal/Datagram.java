package io.isthmus.protocol.bacnet.internal;

import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.Direction;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What one datagram decoded to so far: the event's parts, and the Zeek rows if wanted. */
final class Datagram {
  final boolean fromClient;
  final long time;
  final DecodeSink sink;
  final Layers layers;
  final Map<String, Object> fields = new LinkedHashMap<>();
  /** Zeek rows for the service logs, or null when the sink wants none or ICSNPP would log nothing. */
  @Nullable ZeekRows rows;
  @Nullable Map<String, Object> header;
  @Nullable String operation;
  Direction direction = Direction.UNKNOWN;
  @Nullable String malformed;
  long senderDevice = -1;
  long targetDevice = -1;

  Datagram(boolean fromClient, long time, DecodeSink sink, Layers layers) {
    this.fromClient = fromClient;
    this.time = time;
    this.sink = sink;
    this.layers = layers;
  }

  /** A weird for the sink that also marks the event malformed. */
  void malformed(String weird, String detail) {
    sink.weird(time, weird, detail);
    if (malformed == null) {
      malformed = detail;
    }
  }

  /** Drops the Zeek rows: ICSNPP's parser rejects this datagram. */
  void silenceZeek() {
    rows = null;
    header = null;
  }
}
