package io.isthmus.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.isthmus.capture.internal.LoggedRow;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorded Mosquitto captures: nothing secret comes out, and the Zeek rows follow from what
 * tshark saw on the wire by main.zeek's rules (a connect row per CONNACK with Zeek's
 * return-code text, a publish row per PUBLISH that is "ok" once its QoS exchange completed, a
 * subscribe row per SUBSCRIBE or UNSUBSCRIBE, acked when the broker answered).
 */
class MqttRecordedCaptureTest {
  /** Zeek's MQTT::return_codes (base/protocols/mqtt/consts.zeek). */
  private static final List<String> ZEEK_RETURN_CODES = List.of("Connection Accepted",
      "Refused: unacceptable protocol version", "Refused: identifier rejected", "Refused: server unavailable",
      "Refused: bad user name or password", "Refused: not authorized");

  @ParameterizedTest
  @ValueSource(strings = {"mqtt_v31", "mqtt_v311", "mqtt_v5"})
  void noPasswordUserNameOrWillPayloadInAnyEventRowOrWeird(String name) {
    OfflineReplay.Result r = Captures.replay(name + ".pcapng");
    String everything = r.events() + " " + r.logs().stream().map(LoggedRow::row).toList() + " " + r.weirdDetails();
    for (String secret : List.of("pw-SENTINEL-4711", "pw-WRONG-0815", "sensor-7", "offline", "gone")) {
      assertFalse(everything.contains(secret), secret + " leaked");
    }
    long withPassword = r.events().stream().filter(e -> Boolean.TRUE.equals(e.fields().get("password_present"))).count();
    assertEquals(2, withPassword, "the good and the bad login");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mqtt_v31", "mqtt_v311", "mqtt_v5"})
  void zeekRowsFollowFromTsharksPackets(String name) throws IOException {
    OfflineReplay.Result r = Captures.replay(name + ".pcapng");
    TsharkView tshark = TsharkView.read(name + ".tshark.tsv");
    List<Integer> types = values(tshark, "mqtt.msgtype").stream().map(Integer::valueOf).toList();
    List<String> codes = new ArrayList<>(values(tshark, "mqtt.conack.val"));
    codes.addAll(values(tshark, "mqtt.connack.reason_code"));
    List<String> expectedStatus = codes.stream().map(Integer::parseInt)
        .map(c -> c < ZEEK_RETURN_CODES.size() ? ZEEK_RETURN_CODES.get(c) : "unknown-return-code-" + c).sorted().toList();
    assertEquals(expectedStatus, r.log("mqtt_connect").stream().map(row -> (String) row.row().get("connect_status"))
        .sorted().toList());

    long publishes = count(types, 3);
    long qos0 = 0;
    List<String> qos = values(tshark, "mqtt.qos");
    List<String> dup = values(tshark, "mqtt.dupflag");
    // mqtt.qos also names the fixed-header QoS of 3.1's PUBREL/SUBSCRIBE/UNSUBSCRIBE: count PUBLISH's only.
    long fixedQos = name.equals("mqtt_v31") ? count(types, 6) + count(types, 8) + count(types, 10) : 0;
    qos0 = qos.stream().filter("0"::equals).count();
    assertEquals(publishes + fixedQos, qos.size());
    assertEquals(qos.size(), dup.size());
    List<LoggedRow> rows = r.log("mqtt_publish");
    assertEquals(publishes, rows.size());
    assertEquals(qos0 + count(types, 4) + count(types, 7), matching(rows, row -> "ok".equals(row.get("status"))));

    List<LoggedRow> subscribes = r.log("mqtt_subscribe");
    assertEquals(count(types, 8) + count(types, 10), subscribes.size());
    assertEquals(count(types, 9) + count(types, 11), matching(subscribes, row -> Boolean.TRUE.equals(row.get("ack"))));
    assertEquals(count(types, 10), matching(subscribes, row -> "MQTT::UNSUBSCRIBE".equals(row.get("action"))));

    List<LoggedRow> wills = r.log("mqtt_connect").stream().filter(row -> row.row().containsKey("will_topic")).toList();
    assertEquals(values(tshark, "mqtt.willtopic").stream().sorted().toList(),
        wills.stream().map(row -> (String) row.row().get("will_topic")).sorted().toList());
    assertEquals(0, matching(r.log("mqtt_connect"), row -> row.containsKey("will_payload")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mqtt_v31", "mqtt_v311", "mqtt_v5"})
  void weirdsAreOnlyTheDeliberatelyBadPackets(String name) {
    OfflineReplay.Result r = Captures.replay(name + ".pcapng");
    System.out.println(name + " weirds: " + r.weirdDetails());
    Map<String, Long> expected = name.equals("mqtt_v5")
        // the raw CONNECT with protocol level 9, the raw DISCONNECT with a short property length
        ? Map.of("mqtt_unknown_protocol", 1L, "mqtt_bad_property_length", 1L)
        : Map.of();
    assertEquals(new TreeMap<>(expected), new TreeMap<>(r.weirds()));
    assertEquals(expected.values().stream().mapToLong(Long::longValue).sum(),
        r.events().stream().filter(e -> e.isMalformed()).count());
  }

  private static List<String> values(TsharkView view, String column) {
    return view.frames().stream().flatMap(f -> f.get(column).stream()).collect(Collectors.toList());
  }

  private static long count(List<Integer> types, int type) {
    return types.stream().filter(t -> t == type).count();
  }

  private static long matching(List<LoggedRow> rows, Predicate<Map<String, Object>> test) {
    return rows.stream().map(LoggedRow::row).filter(test).count();
  }
}
