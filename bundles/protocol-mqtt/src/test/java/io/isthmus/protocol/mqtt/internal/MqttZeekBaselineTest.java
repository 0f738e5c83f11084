package io.isthmus.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.capture.zeek.ZeekBaseline;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Zeek rows for zeek/zeek's own MQTT test trace against the logs Zeek wrote for it (its btest
 * baseline), row for row in order, over every column but ts and uid (masked or made up by Zeek).
 */
class MqttZeekBaselineTest {

  @ParameterizedTest
  @ValueSource(strings = {"mqtt_connect", "mqtt_publish", "mqtt_subscribe"})
  void rowsAgreeWithZeeksBaseline(String path) throws IOException {
    OfflineReplay.Result r = Captures.replay("zeek_mqtt.pcap");
    List<Map<String, String>> zeek;
    try (InputStream in = getClass().getResourceAsStream("/zeek_mqtt.zeek/" + path + ".log")) {
      zeek = ZeekBaseline.read(in, List.of());
    }
    ZeekBaseline.Agreement a = ZeekBaseline.compare(path, r.log(path), zeek, Set.of());
    assertEquals(List.of(), a.onlyZeek(), "rows only Zeek wrote");
    assertEquals(List.of(), a.onlyOurs(), "rows only we wrote");
    assertEquals(Map.of(), r.weirds());
  }
}
