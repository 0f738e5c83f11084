package io.isthmus.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every MQTT packet of the recorded captures, field for field, against what tshark 4.0 decoded
 * from the same files. Our events are grouped by the frame that completed them (time, ports), and
 * each tshark column is compared with the ordered list of our values for that frame's packets.
 */
class MqttTsharkAgreementTest {
  private static final List<String> OPERATIONS = List.of("RESERVED", "CONNECT", "CONNACK", "PUBLISH", "PUBACK",
      "PUBREC", "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP",
      "DISCONNECT", "AUTH");
  /** Columns that only locate the frame. */
  private static final Set<String> LOCATION = Set.of("frame.number", "frame.time_epoch", "tcp.srcport", "tcp.dstport");

  @ParameterizedTest
  @ValueSource(strings = {"mqtt_v31", "mqtt_v311", "mqtt_v5"})
  void everyPacketAgreesWithTshark(String name) throws IOException {
    TsharkView tshark = TsharkView.read(name + ".tshark.tsv");
    OfflineReplay.Result r = Captures.replay(name + ".pcapng");
    Map<String, List<TelemetryEvent>> byFrame = new LinkedHashMap<>();
    for (TelemetryEvent e : r.events()) {
      byFrame.computeIfAbsent(e.timeMicros() + "/" + e.source().port() + ">" + e.destination().port(),
          k -> new ArrayList<>()).add(e);
    }
    int packets = 0;
    int compared = 0;
    Map<String, Integer> columnsCompared = new TreeMap<>();
    List<String> differences = new ArrayList<>();
    for (Map<String, List<String>> frame : tshark.frames()) {
      String key = TsharkView.micros(frame.get("frame.time_epoch").get(0)) + "/" + frame.get("tcp.srcport").get(0)
          + ">" + frame.get("tcp.dstport").get(0);
      List<TelemetryEvent> ours = byFrame.remove(key);
      String where = name + " frame " + frame.get("frame.number").get(0);
      if (ours == null) {
        differences.add(where + ": no events of ours");
        continue;
      }
      packets += frame.get("mqtt.msgtype").size();
      for (String column : tshark.columns()) {
        if (LOCATION.contains(column)) {
          continue;
        }
        List<String> expected = column.equals("mqtt.msg") ? payloadLengths(frame.get(column)) : frame.get(column);
        List<String> actual = new ArrayList<>();
        for (TelemetryEvent e : ours) {
          actual.addAll(TsharkColumns.values(column, e));
        }
        if (!expected.equals(actual)) {
          differences.add(where + " " + column + ": tshark " + expected + ", ours " + actual);
        }
        compared += expected.size();
        columnsCompared.merge(column, expected.size(), Integer::sum);
      }
    }
    byFrame.forEach((key, events) -> differences.add(name + ": events tshark has no frame for at " + key + ": "
        + events.stream().map(TelemetryEvent::operation).toList()));
    System.out.printf("%s: %d MQTT packets in %d frames, %d values compared, %d differences%n", name, packets,
        tshark.frames().size(), compared, differences.size());
    differences.forEach(d -> System.out.println("  " + d));
    assertEquals(List.of(), differences);
    assertEquals(packets, r.events().size());
    Set<String> neverCompared = new TreeSet<>(columnsCompared.keySet());
    neverCompared.removeIf(c -> columnsCompared.get(c) > 0);
    System.out.println("  columns without a value in this capture: " + neverCompared);
    assertEquals(absentColumns(name), neverCompared);
  }

  /** The tshark columns a capture has no value for: what its protocol version lacks. */
  private static Set<String> absentColumns(String capture) {
    Set<String> v5Only = Set.of("mqtt.auth.reason_code", "mqtt.connack.reason_code", "mqtt.disconnect.reason_code",
        "mqtt.property.topic_alias", "mqtt.puback.reason_code", "mqtt.pubcomp.reason_code", "mqtt.pubrec.reason_code",
        "mqtt.pubrel.reason_code", "mqtt.suback.reason_code", "mqtt.subscription_options_qos",
        "mqtt.unsuback.reason_code");
    Set<String> absent = new TreeSet<>(switch (capture) {
      case "mqtt_v31" -> v5Only;
      case "mqtt_v311" -> v5Only;
      // Mosquitto leaves the reason code out of a successful QoS 2 handshake (MQTT 5.0 3.5.2.1).
      default -> Set.of("mqtt.conack.val", "mqtt.sub.qos", "mqtt.suback.qos", "mqtt.pubcomp.reason_code",
          "mqtt.pubrec.reason_code", "mqtt.pubrel.reason_code");
    });
    if (capture.equals("mqtt_v31")) {
      absent.add("mqtt.conack.flags.sp");
    }
    return absent;
  }

  /** The value our event gives for each tshark column, spelled as tshark prints it. */
  static final class TsharkColumns {
    private TsharkColumns() {}

    static List<String> values(String column, TelemetryEvent e) {
      Map<String, Object> f = e.fields();
      int type = OPERATIONS.indexOf(e.operation());
      boolean v5 = "5.0".equals(f.get("proto_version"));
      boolean connect = type == 1;
      boolean publish = type == 3;
      // tshark shows the fixed header's QoS and DUP bits of PUBREL, SUBSCRIBE and UNSUBSCRIBE in
      // MQTT 3.1; we accept those packets only with the flags the specification fixes (QoS 1, no DUP).
      boolean fixedFlags = "3.1".equals(f.get("proto_version")) && (type == 6 || type == 8 || type == 10);
      // tshark names a CONNACK's code as MQTT 5 unless the CONNECT announced 3.1 or 3.1.1.
      boolean v3Connack = "3.1".equals(f.get("proto_version")) || "3.1.1".equals(f.get("proto_version"));
      return switch (column) {
        case "mqtt.msgtype" -> List.of(Integer.toString(type));
        case "mqtt.dupflag" -> publish ? bool(f.get("dup")) : fixedFlags ? List.of("0") : List.of();
        case "mqtt.qos" -> publish ? str(f.get("qos")) : fixedFlags ? List.of("1") : List.of();
        case "mqtt.retain" -> publish ? bool(f.get("retain")) : List.of();
        case "mqtt.len" -> str(f.get("remaining_length"));
        case "mqtt.protoname" -> connect ? str(f.get("proto_name")) : List.of();
        case "mqtt.ver" -> connect ? str(f.get("protocol_level")) : List.of();
        case "mqtt.conflag.cleansess" -> connect ? bool(f.get("clean_session")) : List.of();
        case "mqtt.conflag.willflag" -> connect ? bool(f.get("will_flag")) : List.of();
        case "mqtt.conflag.qos" -> connect ? str(f.get("will_qos")) : List.of();
        case "mqtt.conflag.retain" -> connect ? bool(f.get("will_retain")) : List.of();
        case "mqtt.conflag.uname" -> connect ? bool(f.get("username_present")) : List.of();
        case "mqtt.conflag.passwd" -> connect ? bool(f.get("password_present")) : List.of();
        case "mqtt.kalive" -> connect ? str(f.get("keep_alive")) : List.of();
        case "mqtt.clientid" -> connect ? str(f.get("client_id")) : List.of();
        case "mqtt.willtopic" -> connect ? str(f.get("will_topic")) : List.of();
        case "mqtt.willmsg_len" -> connect ? str(f.get("will_payload_len")) : List.of();
        // MQTT 3.1 has no session present flag; tshark shows it from 3.1.1.
        case "mqtt.conack.flags.sp" -> type == 2 && !"3.1".equals(f.get("proto_version"))
            ? bool(f.get("session_present")) : List.of();
        case "mqtt.conack.val" -> type == 2 && v3Connack ? str(f.get("return_code")) : List.of();
        case "mqtt.connack.reason_code" -> type == 2 && !v3Connack ? str(f.get("return_code")) : List.of();
        case "mqtt.topic" -> publish ? str(f.get("topic")) : type == 8 || type == 10 ? str(f.get("topics")) : List.of();
        case "mqtt.msgid" -> str(f.get("msg_id"));
        // tshark prints the payload's bytes; we keep only their count.
        case "mqtt.msg" -> publish ? List.of("bytes:" + f.get("payload_len")) : List.of();
        case "mqtt.sub.qos" -> type == 8 && !v5 ? str(f.get("qos_levels")) : List.of();
        case "mqtt.subscription_options_qos" -> type == 8 && v5 ? str(f.get("qos_levels")) : List.of();
        case "mqtt.suback.qos" -> type == 9 && !v5 ? str(f.get("granted_qos")) : List.of();
        case "mqtt.suback.reason_code" -> type == 9 && v5 ? str(f.get("granted_qos")) : List.of();
        case "mqtt.property.topic_alias" -> str(f.get("topic_alias"));
        case "mqtt.puback.reason_code" -> type == 4 ? str(f.get("reason_code")) : List.of();
        case "mqtt.pubrec.reason_code" -> type == 5 ? str(f.get("reason_code")) : List.of();
        case "mqtt.pubrel.reason_code" -> type == 6 ? str(f.get("reason_code")) : List.of();
        case "mqtt.pubcomp.reason_code" -> type == 7 ? str(f.get("reason_code")) : List.of();
        case "mqtt.unsuback.reason_code" -> type == 11 ? str(f.get("reason_codes")) : List.of();
        case "mqtt.disconnect.reason_code" -> type == 14 ? str(f.get("reason_code")) : List.of();
        case "mqtt.auth.reason_code" -> type == 15 ? str(f.get("reason_code")) : List.of();
        default -> throw new AssertionError("no mapping for tshark column " + column);
      };
    }

    private static List<String> str(Object value) {
      if (value == null) {
        return List.of();
      }
      if (value instanceof List<?> list) {
        return list.stream().map(String::valueOf).toList();
      }
      return List.of(String.valueOf(value));
    }

    private static List<String> bool(Object value) {
      return value == null ? List.of() : List.of(Boolean.TRUE.equals(value) ? "1" : "0");
    }
  }

  /** tshark's payload hex (or {@code <MISSING>} for an empty payload) as the same "bytes:N" as ours. */
  static List<String> payloadLengths(List<String> hex) {
    return hex.stream().map(h -> "bytes:" + (h.equals("<MISSING>") ? 0 : HexFormat.of().parseHex(h).length)).toList();
  }
}
