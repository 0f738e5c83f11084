package io.isthmus.protocol.mqtt.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * One MQTT connection. Splits each direction into control packets by the fixed header, decodes
 * each into one event with the protocol level learned from the CONNECT, and feeds Zeek's MQTT log
 * state when logs are wanted. A PUBLISH longer than the buffer limit is decoded from its head and
 * its payload skipped as it streams past. After a bad fixed header or a gap the direction skips
 * to the next plausible header; a conversation that keeps failing to frame is given up.
 *
 * <p>The broker is the device: the client's packets are {@link Direction#REQUEST}s, the broker's
 * (its acknowledgements and the messages it delivers) {@link Direction#RESPONSE}s. Every event
 * carries the conversation's {@code client_id} and {@code proto_version} once the CONNECT told them.
 */
final class MqttConversation implements ConversationDecoder {
  private static final int MAX_FRAMING_ERRORS = 16;
  private static final int MAX_RESYNC_BYTES = 4096;

  private final Conversation conversation;
  private final int maxBuffered;
  private final Side fromClient = new Side();
  private final Side fromServer = new Side();
  /** The CONNECT's protocol level (3, 4 or 5); 0 until one is seen. */
  private int level;
  private @Nullable String clientId;
  private @Nullable ZeekMqttLog zeek;
  private int framingErrors;
  private boolean abandoned;

  MqttConversation(Conversation conversation, int maxBuffered) {
    this.conversation = conversation;
    this.maxBuffered = maxBuffered;
  }

  @Override
  public void onData(boolean client, long timeMicros, ByteBuffer data, DecodeSink sink) {
    Side side = client ? fromClient : fromServer;
    while (data.hasRemaining() && !abandoned) {
      if (side.skip > 0) {
        int n = (int) Math.min(side.skip, data.remaining());
        data.position(data.position() + n);
        side.skip -= n;
        continue;
      }
      int at = data.position();
      if (side.resyncing) {
        Resync.Verdict v = Resync.check(data, at, level, maxBuffered);
        if (v == Resync.Verdict.WAIT) {
          return;
        }
        if (v == Resync.Verdict.REJECT) {
          data.position(at + 1);
          if (++side.skipped > MAX_RESYNC_BYTES) {
            abandon(timeMicros, sink, "no plausible MQTT fixed header in " + MAX_RESYNC_BYTES + " bytes");
          }
          continue;
        }
        if (side.skipped > 0) {
          sink.weird(timeMicros, "mqtt_resync", side.skipped + " bytes " + from(client)
              + " skipped to the next plausible fixed header");
        }
        side.resyncing = false;
        side.skipped = 0;
      }
      int first = data.get(at) & 0xff;
      int headerLength = FixedHeader.headerLength(data, at);
      if (headerLength == FixedHeader.INCOMPLETE) {
        return;
      }
      if (headerLength == FixedHeader.TOO_LONG) {
        framingError(timeMicros, sink, side, data, "mqtt_bad_remaining_length",
            "the remaining length " + from(client) + " runs past 4 bytes (a 5-byte variable byte integer)");
        continue;
      }
      if (!FixedHeader.validFirstByte(first, level)) {
        framingError(timeMicros, sink, side, data, "mqtt_bad_fixed_header", String.format(
            "first byte 0x%02x %s is no %s control packet type with valid flags", first, from(client),
            level == 0 ? "MQTT" : "MQTT " + Names.version(level)));
        continue;
      }
      int remaining = FixedHeader.remainingLength(data, at, headerLength);
      Packet packet = new Packet(first >>> 4, first & 0x0f, remaining, at + headerLength);
      if (remaining > maxBuffered) {
        if (!oversized(client, timeMicros, data, packet, headerLength, side, sink)) {
          return;
        }
        continue;
      }
      if (data.remaining() < headerLength + remaining) {
        return;
      }
      framingErrors = 0;
      decode(client, timeMicros, data, packet, headerLength, packet.bodyStart() + remaining, sink);
      data.position(packet.bodyStart() + remaining);
    }
    if (abandoned) {
      data.position(data.limit());
    }
  }

  /** A packet longer than the buffer limit; false while more of it must arrive first. */
  private boolean oversized(boolean client, long time, ByteBuffer data, Packet packet, int headerLength, Side side,
      DecodeSink sink) {
    if (packet.type() != Names.PUBLISH) {
      sink.weird(time, "mqtt_oversized_packet", Names.operation(packet.type()) + " of " + packet.remainingLength()
          + " bytes " + from(client) + " exceeds the " + maxBuffered + "-byte limit; skipped");
      data.position(packet.bodyStart());
      side.skip = packet.remainingLength();
      return true;
    }
    if (data.remaining() < headerLength + maxBuffered) {
      return false;
    }
    framingErrors = 0;
    int end = packet.bodyStart() + maxBuffered;
    decode(client, time, data, packet, headerLength, end, sink);
    data.position(end);
    side.skip = packet.remainingLength() - maxBuffered;
    return true;
  }

  private void decode(boolean client, long time, ByteBuffer data, Packet packet, int headerLength, int end,
      DecodeSink sink) {
    Fields f = new Fields();
    f.put("remaining_length", packet.remainingLength());
    Reader reader = new Reader(data, packet.bodyStart(), end);
    int payloadStart = -1;
    boolean parsed = true;
    try {
      payloadStart = PacketDecoder.decode(packet, reader, level, f);
    } catch (Malformed m) {
      f.malformed(m.weird, m.getMessage());
      parsed = false;
    }
    afterDecode(client, packet, f);
    String operation = Names.operation(packet.type());
    if (f.problem != null) {
      sink.weird(time, f.weird, f.problem + " (" + operation + " " + from(client) + ")");
    }
    sink.emit(TelemetryEvent.builder()
        .timeMicros(time)
        .tenant(conversation.tenant())
        .sensor(conversation.sensor())
        .source(client ? conversation.client() : conversation.server())
        .destination(client ? conversation.server() : conversation.client())
        .protocol(MqttDecoder.PROTOCOL)
        .operation(operation)
        .direction(client ? Direction.REQUEST : Direction.RESPONSE)
        .fields(f.freeze())
        .payloadSize(packet.size(headerLength))
        .malformed(f.problem)
        .build());
    if (parsed && sink.wantsLogs()) {
      if (zeek == null) {
        zeek = new ZeekMqttLog();
      }
      zeek.onPacket(client, time, packet.type(), f, data, payloadStart, end, sink);
    }
  }

  /** Conversation state the packet changes, and the fields every event carries. */
  private void afterDecode(boolean client, Packet packet, Fields f) {
    int type = packet.type();
    if (client ? serverOnly(type) : clientOnly(type)) {
      f.malformed("mqtt_wrong_direction", Names.operation(type) + " sent by the " + (client ? "client" : "server"));
    }
    if (type == Names.CONNECT && client) {
      int announced = f.intOr("protocol_level", 0);
      if (announced >= 3 && announced <= 5) {
        level = announced;
      }
      if (f.get("client_id") instanceof String id) {
        clientId = id;
      }
    } else if (type == Names.CONNACK && f.get("assigned_client_identifier") instanceof String assigned) {
      clientId = assigned;
    }
    if (type == Names.PUBLISH && f.get("topic_alias") instanceof Integer alias) {
      (client ? fromClient : fromServer).resolveAlias(alias, f);
    }
    if (clientId != null) {
      f.values.putIfAbsent("client_id", clientId);
    }
    if (level != 0) {
      f.values.putIfAbsent("proto_version", Names.version(level));
    }
  }

  private static boolean clientOnly(int type) {
    return type == Names.CONNECT || type == Names.SUBSCRIBE || type == Names.UNSUBSCRIBE || type == Names.PINGREQ;
  }

  private static boolean serverOnly(int type) {
    return type == Names.CONNACK || type == Names.SUBACK || type == Names.UNSUBACK || type == Names.PINGRESP;
  }

  @Override
  public void onGap(boolean client, long timeMicros, long missingBytes, DecodeSink sink) {
    Side side = client ? fromClient : fromServer;
    if (side.skip >= missingBytes) {
      side.skip -= missingBytes;  // the gap fell inside a payload being skipped: still in step
      return;
    }
    side.skip = 0;
    side.resyncing = true;
    side.skipped = 0;
  }

  @Override
  public void onClose(long timeMicros, DecodeSink sink) {
    if (zeek != null) {
      zeek.flush(sink);
    }
  }

  /** Reports a bad fixed header and moves one byte on, looking for the next plausible one. */
  private void framingError(long time, DecodeSink sink, Side side, ByteBuffer data, String name, String detail) {
    sink.weird(time, name, detail);
    side.resyncing = true;
    side.skipped = 1;
    data.position(data.position() + 1);
    if (++framingErrors >= MAX_FRAMING_ERRORS) {
      abandon(time, sink, MAX_FRAMING_ERRORS + " framing errors in a row");
    }
  }

  private void abandon(long time, DecodeSink sink, String why) {
    abandoned = true;
    sink.weird(time, "mqtt_not_mqtt", why + ": the conversation is taken not to be MQTT and no longer decoded");
  }

  private static String from(boolean client) {
    return client ? "from the client" : "from the server";
  }
}
