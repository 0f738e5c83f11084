package io.isthmus.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.capture.internal.OfflineReplay;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      zeek = ZeekLogs.read(in);
    }
    List<String> columns = new ArrayList<>(zeek.get(0).keySet());
    columns.removeAll(List.of("ts", "uid"));
    List<String> theirs = zeek.stream().map(row -> ZeekLogs.project(row, columns)).sorted().toList();
    List<String> ours = r.log(path).stream().map(row -> ZeekLogs.project(ZeekLogs.tsv(row), columns)).sorted().toList();
    System.out.printf("%s: %d Zeek rows, %d ours, columns %s%n", path, theirs.size(), ours.size(), columns);
    assertEquals(theirs, ours);
    assertEquals(Map.of(), r.weirds());
  }
}
