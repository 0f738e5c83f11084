package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoder for tests. Its protocol is a length byte followed by that many ASCII bytes; each such
 * PDU becomes an event whose operation is the text. It records what it is told: PDUs, gaps and
 * the close, and every byte it consumed per direction.
 */
final class RecordingDecoder implements ProtocolDecoder {
  final Transport transport;
  final Set<Integer> ports;
  final List<Recording> conversations = new ArrayList<>();
  /** Whether it consumes every byte offered instead of parsing the test protocol. */
  private boolean raw;

  RecordingDecoder(Transport transport, int... ports) {
    this.transport = transport;
    this.ports = Set.copyOf(java.util.Arrays.stream(ports).boxed().toList());
  }

  static RecordingDecoder tcp(int... ports) {
    return new RecordingDecoder(Transport.TCP, ports);
  }

  /** A decoder that takes every byte as it comes, to check what reassembly delivers. */
  static RecordingDecoder rawTcp(int... ports) {
    RecordingDecoder d = tcp(ports);
    d.raw = true;
    return d;
  }

  /** Encodes PDUs of the test protocol. */
  static byte[] pdus(String... texts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String t : texts) {
      out.write(t.length());
      out.writeBytes(t.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  @Override
  public String protocol() {
    return "test";
  }

  @Override
  public Transport transport() {
    return transport;
  }

  @Override
  public Set<Integer> ports() {
    return ports;
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    Recording r = new Recording(conversation, raw);
    conversations.add(r);
    return r;
  }

  Recording only() {
    if (conversations.size() != 1) {
      throw new AssertionError("expected one conversation, got " + conversations.size());
    }
    return conversations.get(0);
  }

  static final class Recording implements ConversationDecoder {
    final Conversation conversation;
    /** "C:text" / "S:text" per PDU, "gap C 12", "close" in the order they happened. */
    final List<String> log = new ArrayList<>();
    final ByteArrayOutputStream clientBytes = new ByteArrayOutputStream();
    final ByteArrayOutputStream serverBytes = new ByteArrayOutputStream();
    private final boolean raw;

    Recording(Conversation conversation, boolean raw) {
      this.conversation = conversation;
      this.raw = raw;
    }

    @Override
    public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {
      if (raw) {
        byte[] all = new byte[data.remaining()];
        data.get(all);
        (fromClient ? clientBytes : serverBytes).writeBytes(all);
        return;
      }
      while (data.remaining() >= 1) {
        int length = data.get(data.position()) & 0xff;
        if (data.remaining() < 1 + length) {
          return;
        }
        byte[] pdu = new byte[1 + length];
        data.get(pdu);
        (fromClient ? clientBytes : serverBytes).writeBytes(pdu);
        String text = new String(pdu, 1, length, StandardCharsets.US_ASCII);
        log.add((fromClient ? "C:" : "S:") + text);
        sink.emit(TelemetryEvent.builder().timeMicros(timeMicros).tenant(conversation.tenant())
            .sensor(conversation.sensor())
            .source(fromClient ? conversation.client() : conversation.server())
            .destination(fromClient ? conversation.server() : conversation.client())
            .protocol("test").operation(text).direction(fromClient ? Direction.REQUEST : Direction.RESPONSE)
            .fields(Map.of("uid", conversation.uid())).payloadSize(pdu.length).build());
      }
    }

    @Override
    public void onGap(boolean fromClient, long timeMicros, long missingBytes, DecodeSink sink) {
      log.add("gap " + (fromClient ? "C " : "S ") + missingBytes);
    }

    @Override
    public void onClose(long timeMicros, DecodeSink sink) {
      log.add("close");
    }
  }
}
