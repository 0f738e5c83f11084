package io.isthmus.protocol.modbus.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Builds Modbus/TCP frames, and a conversation to feed them to that records what it emits. */
final class Adu {
  static final Conversation CONVERSATION = new Conversation("Ctest", Transport.TCP,
      new Endpoint("10.0.0.1", 40000, "02:00:00:00:00:01", null), new Endpoint("10.0.0.2", 502, null, null),
      "default", "test");

  private Adu() {}

  /** An MBAP frame: transaction, protocol 0, length, unit, then the PDU bytes (function code first). */
  static byte[] frame(int transaction, int unit, int... pdu) {
    return frameWithProtocol(transaction, 0, unit, pdu);
  }

  static byte[] frameWithProtocol(int transaction, int protocol, int unit, int... pdu) {
    ByteBuffer b = ByteBuffer.allocate(7 + pdu.length);
    b.putShort((short) transaction).putShort((short) protocol).putShort((short) (pdu.length + 1)).put((byte) unit);
    for (int v : pdu) {
      b.put((byte) v);
    }
    return b.array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** A conversation with a recording sink. */
  static final class Feed implements DecodeSink {
    final ModbusConversation decoder = new ModbusConversation(CONVERSATION);
    final List<TelemetryEvent> events = new ArrayList<>();
    final List<String> weirds = new ArrayList<>();

    /** Offers the bytes; returns how many were left unconsumed. */
    int client(byte[]... frames) {
      return offer(true, concat(frames));
    }

    int server(byte[]... frames) {
      return offer(false, concat(frames));
    }

    int offer(boolean fromClient, byte[] bytes) {
      ByteBuffer data = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
      decoder.onData(fromClient, 1_000_000, data, this);
      return data.remaining();
    }

    TelemetryEvent last() {
      return events.get(events.size() - 1);
    }

    List<String> weirdNames() {
      return weirds.stream().map(w -> w.substring(0, w.indexOf(':'))).toList();
    }

    @Override
    public void emit(TelemetryEvent event) {
      events.add(event);
    }

    @Override
    public void weird(long timeMicros, String name, String detail) {
      weirds.add(name + ": " + detail);
    }
  }
}
