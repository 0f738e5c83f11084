package io.isthmus.protocol.mqtt.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built MQTT packets and a sink that keeps everything, for unit and fuzz tests. */
final class Frames {
  private Frames() {}

  static final Conversation CONVERSATION = new Conversation("C1", Transport.TCP, Endpoint.of("10.0.0.2", 40000),
      Endpoint.of("10.0.0.1", 1883), "default", "test");

  /** Collects events, weirds and rows. */
  static final class Sink implements DecodeSink {
    final List<TelemetryEvent> events = new ArrayList<>();
    final List<String> weirds = new ArrayList<>();
    final List<Map<String, Object>> rows = new ArrayList<>();
    final List<String> paths = new ArrayList<>();

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
      paths.add(path);
      rows.add(new LinkedHashMap<>(row));
    }

    List<String> weirdNames() {
      return weirds.stream().map(w -> w.substring(0, w.indexOf(':'))).toList();
    }
  }

  /** A control packet: first byte, remaining length as a variable byte integer, body. */
  static byte[] packet(int first, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    int n = body.length;
    do {
      int d = n % 128;
      n /= 128;
      out.write(d | (n > 0 ? 0x80 : 0));
    } while (n > 0);
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return concat(new byte[] {(byte) (b.length >> 8), (byte) b.length}, b);
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** An MQTT 3.1.1 CONNECT with user name, password and a will. */
  static byte[] connect311(String clientId, String user, String password, String willTopic, String willPayload) {
    return packet(0x10, concat(str("MQTT"), bytes(4, 0xC0 | 0x04 | 0x08 | 0x02, 0, 60), str(clientId), str(willTopic),
        str(willPayload), str(user), str(password)));
  }

  /**
   * Feeds {@code stream} as the capture layer does: in chunks, keeping unread bytes in front of the
   * next chunk.
   */
  static void feed(MqttConversation decoder, boolean fromClient, byte[] stream, int chunk, Sink sink) {
    ByteBuffer pending = ByteBuffer.allocate(0);
    for (int at = 0; at < stream.length; at += chunk) {
      int n = Math.min(chunk, stream.length - at);
      ByteBuffer next = ByteBuffer.allocate(pending.remaining() + n);
      next.put(pending).put(stream, at, n).flip();
      decoder.onData(fromClient, 1_000_000L + at, next, sink);
      pending = next.slice();
    }
  }
}
