package io.isthmus.protocol.bacnet.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A decode sink that keeps everything, with a conversation to feed datagrams into. */
final class Recorder implements DecodeSink {
  record Row(String path, Map<String, Object> row) {}

  final List<TelemetryEvent> events = new ArrayList<>();
  final List<String> weirds = new ArrayList<>();
  final List<Row> rows = new ArrayList<>();
  final BacnetConversation conversation = new BacnetConversation(new Conversation("C1", Transport.UDP,
      Endpoint.of("10.0.0.1", 47808), Endpoint.of("10.0.0.2", 47808), "default", "test"), new DeviceDirectory());

  /** A BACnet/IP datagram: BVLC type 0x81, {@code function}, the right length, then {@code hex}. */
  static byte[] bvlc(int function, String hex) {
    byte[] body = HexFormat.of().parseHex(hex.replace(" ", ""));
    ByteBuffer b = ByteBuffer.allocate(4 + body.length);
    b.put((byte) 0x81).put((byte) function).putShort((short) (4 + body.length)).put(body);
    return b.array();
  }

  /** An Original-Unicast-NPDU carrying the APDU {@code apdu} (hex). */
  static byte[] unicast(String apdu) {
    return bvlc(0x0a, "0100" + apdu);
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  Recorder send(boolean fromClient, byte[] datagram) {
    conversation.onData(fromClient, 1_000_000L * (events.size() + 1), ByteBuffer.wrap(datagram), this);
    return this;
  }

  TelemetryEvent last() {
    return events.get(events.size() - 1);
  }

  List<Row> rows(String path) {
    return rows.stream().filter(r -> r.path.equals(path)).toList();
  }

  boolean weird(String name) {
    return weirds.stream().anyMatch(w -> w.startsWith(name + ":"));
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
