package io.isthmus.protocol.mqtt.internal;

import io.isthmus.api.decode.DecodeSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state behind Zeek's {@code mqtt_connect}, {@code mqtt_publish} and {@code mqtt_subscribe}
 * logs for one connection, following zeek/zeek {@code base/protocols/mqtt/main.zeek}: one connect
 * row per CONNACK; one publish row per message id once its QoS exchange completes (QoS 0 at once),
 * or with status {@code incomplete_qos} when it expires 5 s after the PUBLISH; one subscribe row
 * per SUBSCRIBE or UNSUBSCRIBE, at its acknowledgement or on expiry with {@code ack} F. Publishes
 * and subscriptions of both directions share one table keyed by message id, as in Zeek.
 *
 * <p>The will payload is never logged (Zeek's {@code will_payload} stays unset): it may carry
 * credentials or personal data, and only its size is kept, in the CONNECT event.
 */
final class ZeekMqttLog {
  static final long EXPIRE_MICROS = 5_000_000L;
  /** Zeek's {@code MQTT::max_payload_size}. */
  static final int MAX_PAYLOAD = 100;
  /** Pending exchanges kept per table; beyond it the oldest is written as incomplete. */
  static final int MAX_PENDING = 1024;

  private static final class Publish {
    final long ts;
    final Map<String, Object> row;
    final int qos;
    boolean rec;
    boolean rel;
    boolean comp;

    Publish(long ts, Map<String, Object> row, int qos) {
      this.ts = ts;
      this.row = row;
      this.qos = qos;
    }
  }

  private record Subscribe(long ts, Map<String, Object> row) {}

  private long sessionTs = -1;
  private final Map<String, Object> connect = new LinkedHashMap<>();
  private final Map<Integer, Publish> publishes = new LinkedHashMap<>();
  private final Map<Integer, Subscribe> subscribes = new LinkedHashMap<>();

  void onPacket(boolean client, long time, int type, Fields f, ByteBuffer data, int payloadStart, int end,
      DecodeSink sink) {
    expire(time, sink);
    if (type != Names.PINGREQ && type != Names.PINGRESP && type != Names.DISCONNECT && type != Names.AUTH
        && sessionTs < 0) {
      sessionTs = time;
    }
    @Nullable Object id = f.get("msg_id");
    int msgId = id instanceof Integer i ? i : 0;
    switch (type) {
      case Names.CONNECT -> {
        connect.put("proto_name", f.get("proto_name"));
        connect.put("proto_version", f.get("proto_version"));
        connect.put("client_id", f.get("client_id"));
        connect.remove("will_topic");
        if (f.get("will_topic") != null) {
          connect.put("will_topic", f.get("will_topic"));
        }
      }
      case Names.CONNACK -> {
        connect.put("connect_status", Names.connectStatus(f.intOr("return_code", 0)));
        sink.log(sessionTs, "mqtt_connect", ordered(connect, "proto_name", "proto_version", "client_id",
            "connect_status", "will_topic"));
      }
      case Names.PUBLISH -> publish(client, time, f, data, payloadStart, end, msgId, sink);
      case Names.PUBACK -> {
        Publish p = publishes.get(msgId);
        if (p != null && p.qos == 1) {
          p.row.put("status", "ok");
          sink.log(p.ts, "mqtt_publish", p.row);
          publishes.remove(msgId);
        }
      }
      case Names.PUBREC, Names.PUBREL, Names.PUBCOMP -> {
        Publish p = publishes.get(msgId);
        if (p != null) {
          p.rec |= type == Names.PUBREC;
          p.rel |= type == Names.PUBREL;
          p.comp |= type == Names.PUBCOMP;
          if (type == Names.PUBCOMP && p.qos == 2 && p.rec && p.rel) {
            p.row.put("status", "ok");
            sink.log(p.ts, "mqtt_publish", p.row);
            publishes.remove(msgId);
          }
        }
      }
      case Names.SUBSCRIBE, Names.UNSUBSCRIBE -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("action", type == Names.SUBSCRIBE ? "MQTT::SUBSCRIBE" : "MQTT::UNSUBSCRIBE");
        row.put("topics", f.get("topics") instanceof List<?> l ? l : List.of());
        if (type == Names.SUBSCRIBE && f.get("qos_levels") instanceof List<?> l) {
          row.put("qos_levels", l);
        }
        row.put("ack", false);
        subscribes.put(msgId, new Subscribe(time, row));
        bound(subscribes, sink);
      }
      case Names.SUBACK, Names.UNSUBACK -> {
        Subscribe s = subscribes.remove(msgId);
        if (s != null) {
          if (type == Names.SUBACK && f.get("granted_qos") instanceof List<?> granted && !granted.isEmpty()) {
            s.row.put("granted_qos_level", granted.get(0));
          }
          s.row.put("ack", true);
          sink.log(s.ts, "mqtt_subscribe", ordered(s.row, "action", "topics", "qos_levels", "granted_qos_level", "ack"));
        }
      }
      default -> { }
    }
  }

  private void publish(boolean client, long time, Fields f, ByteBuffer data, int payloadStart, int end, int msgId,
      DecodeSink sink) {
    int qos = f.intOr("qos", 0);
    int payloadLength = f.intOr("payload_len", 0);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("from_client", client);
    row.put("retain", f.get("retain"));
    row.put("qos", Names.qos(qos));
    row.put("status", qos == 0 ? "ok" : "incomplete_qos");
    row.put("topic", f.get("topic"));
    int shown = Math.min(Math.min(payloadLength, MAX_PAYLOAD), Math.max(0, end - payloadStart));
    row.put("payload", payloadStart < 0 ? "" : ZeekText.of(data, payloadStart, payloadStart + shown));
    row.put("payload_len", payloadLength);
    if (qos == 0) {
      publishes.remove(msgId);
      sink.log(time, "mqtt_publish", row);
    } else {
      publishes.remove(msgId);  // a reused id replaces the pending entry unlogged, as in Zeek
      publishes.put(msgId, new Publish(time, row, qos));
      bound(publishes, sink);
    }
  }

  /** Writes the exchanges that have waited 5 s for their acknowledgement, as Zeek's table expiry does. */
  private void expire(long now, DecodeSink sink) {
    for (Iterator<Publish> it = publishes.values().iterator(); it.hasNext(); ) {
      Publish p = it.next();
      if (now - p.ts < EXPIRE_MICROS) {
        break;
      }
      sink.log(p.ts, "mqtt_publish", p.row);
      it.remove();
    }
    for (Iterator<Subscribe> it = subscribes.values().iterator(); it.hasNext(); ) {
      Subscribe s = it.next();
      if (now - s.ts() < EXPIRE_MICROS) {
        break;
      }
      sink.log(s.ts(), "mqtt_subscribe", ordered(s.row(), "action", "topics", "qos_levels", "granted_qos_level", "ack"));
      it.remove();
    }
  }

  /** The connection ended: what is still pending is written as it stands. */
  void flush(DecodeSink sink) {
    expire(Long.MAX_VALUE, sink);
  }

  private void bound(Map<Integer, ?> table, DecodeSink sink) {
    if (table.size() > MAX_PENDING) {
      Map.Entry<Integer, ?> oldest = table.entrySet().iterator().next();
      if (oldest.getValue() instanceof Publish p) {
        sink.log(p.ts, "mqtt_publish", p.row);
      } else if (oldest.getValue() instanceof Subscribe s) {
        sink.log(s.ts(), "mqtt_subscribe", ordered(s.row(), "action", "topics", "qos_levels", "granted_qos_level", "ack"));
      }
      table.remove(oldest.getKey());
    }
  }

  /** A copy with {@code columns} in Zeek's order, unset ones left out. */
  private static Map<String, Object> ordered(Map<String, Object> values, String... columns) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String c : columns) {
      Object v = values.get(c);
      if (v != null) {
        row.put(c, v instanceof List<?> l ? new ArrayList<>(l) : v);
      }
    }
    return row;
  }
}
