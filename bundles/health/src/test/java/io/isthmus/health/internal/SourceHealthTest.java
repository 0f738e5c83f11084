package io.isthmus.health.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.json.JsonWriter;
import io.isthmus.api.pipeline.MonitoredSource;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.SourceStatus;
import io.isthmus.api.pipeline.SourceStatus.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceHealthTest {
  private static final SourceStatus RUNNING = new SourceStatus("live:eth1", SourceKind.LIVE, "plant-a", State.RUNNING,
      null, 1_000, 7, 2, 400, 3, 5);
  private static final SourceStatus FAILED = new SourceStatus("live:eth0", SourceKind.LIVE, "eth0", State.FAILED,
      "the BPF filter \"tcp prot 502\" for eth0 does not compile: syntax error", 0, 0, 0, 0, 0, 0);

  @Test
  void sourcesAreListedByIdAndAThrowingOneIsAFailure() {
    MonitoredSource broken = () -> {
      throw new IllegalStateException("boom");
    };
    List<SourceStatus> statuses = HealthService.statuses(List.of(() -> RUNNING, broken, () -> FAILED));
    assertEquals(3, statuses.size());
    assertEquals(FAILED, statuses.get(1));
    assertEquals(RUNNING, statuses.get(2));
    assertEquals(State.FAILED, statuses.get(0).state());
    assertEquals("its status could not be read: java.lang.IllegalStateException: boom", statuses.get(0).problem());
  }

  @Test
  void jsonCarriesEveryCounterAndTheReasonOfAFailure() {
    List<Map<String, Object>> json = HealthService.sourcesJson(List.of(FAILED, RUNNING));
    assertEquals(FAILED.problem(), json.get(0).get("reason"));
    assertEquals("FAILED", json.get(0).get("state"));
    Map<String, Object> live = json.get(1);
    assertFalse(live.containsKey("reason"));
    assertEquals(List.of("source", "kind", "sensor", "state", "packets", "capture_dropped", "interface_dropped", "events",
        "events_dropped", "malformed"), List.copyOf(live.keySet()));
    assertEquals(1_000L, live.get("packets"));
    assertEquals(7L, live.get("capture_dropped"));
    assertEquals(2L, live.get("interface_dropped"));
    assertEquals(3L, live.get("events_dropped"));
    assertEquals(5L, live.get("malformed"));
    assertTrue(JsonWriter.toJson(Map.of("sources", json)).contains("\"reason\":\"the BPF filter \\\"tcp prot 502\\\""));
  }

  @Test
  void metricsHaveOneLabelledLinePerSource() {
    SourceStatus odd = new SourceStatus("live:eth2", SourceKind.LIVE, "a \"quoted\"\\name", State.STOPPED, null,
        1, 0, 0, 0, 0, 0);
    String text = PrometheusText.render(new HealthService.Report(HealthService.Status.DEGRADED, Map.of(), null, 3, 3, 1,
        List.of(FAILED, RUNNING, odd)));
    assertTrue(text.contains("# TYPE isthmus_source_packets_total counter\n"), text);
    assertTrue(text.contains("isthmus_source_packets_total{source=\"live:eth1\",kind=\"LIVE\",sensor=\"plant-a\"} 1000\n"), text);
    assertTrue(text.contains("isthmus_source_capture_dropped_total{source=\"live:eth1\",kind=\"LIVE\",sensor=\"plant-a\"} 7\n"), text);
    assertTrue(text.contains("isthmus_source_interface_dropped_total{source=\"live:eth1\",kind=\"LIVE\",sensor=\"plant-a\"} 2\n"), text);
    assertTrue(text.contains("isthmus_source_events_dropped_total{source=\"live:eth1\",kind=\"LIVE\",sensor=\"plant-a\"} 3\n"), text);
    assertTrue(text.contains("isthmus_source_malformed_total{source=\"live:eth1\",kind=\"LIVE\",sensor=\"plant-a\"} 5\n"), text);
    assertTrue(text.contains("isthmus_source_up{source=\"live:eth0\",kind=\"LIVE\",sensor=\"eth0\"} 0\n"), text);
    assertTrue(text.contains("isthmus_source_up{source=\"live:eth1\",kind=\"LIVE\",sensor=\"plant-a\"} 1\n"), text);
    assertTrue(text.contains("sensor=\"a \\\"quoted\\\"\\\\name\"} 1\n"), text);
    assertEquals(1, text.split("# TYPE isthmus_source_malformed_total ", -1).length - 1, "one family header");
  }
}
