package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our own Mosquitto recording (see the test resources README): a sensor publishes twice a
 * second for 50 s, then ten times a second for 30 s. Learning ends by event time after 45 s.
 */
class MqttPublishFloodTest {

  @Test
  void aFiveFoldPublishRateIsReportedAsSuch() {
    List<TelemetryEvent> events = Captures.mqtt("mqtt_publish_flood.pcapng");
    assertTrue(events.stream().filter(e -> e.operation().equals("PUBLISH")).count() == 400, "400 PUBLISH events");
    BaselineModel model = TestConfig.model(Map.of("learning_seconds", 45L));
    long start = events.get(0).timeMicros();
    List<Finding> findings = new ArrayList<>();
    boolean learningEnded = false;
    for (TelemetryEvent e : events) {
      model.observe(e, findings::add);
      if (e.timeMicros() - start < 45_000_000L) {
        assertTrue(model.isLearning(), "learning during the first 45 s of event time");
      } else {
        learningEnded = true;
      }
    }
    assertTrue(learningEnded);
    assertFalse(model.isLearning());
    findings.forEach(f -> System.out.println(f.indicators() + " " + f.score() + " " + f.explanation()));
    List<Finding> flood = findings.stream().filter(f -> f.indicators().contains("publish_frequency_5x_baseline")).toList();
    assertFalse(flood.isEmpty(), "publish_frequency_5x_baseline among " + findings.stream().map(Finding::indicators).toList());
    Finding f = flood.get(0);
    assertEquals("127.0.0.3", f.device().ip(), "the broker is the device");
    assertEquals("127.0.0.1", f.peer().ip(), "the publishing client is the peer");
    assertTrue(f.techniques().stream().map(Technique::id).toList().contains("T0814"), f.techniques().toString());
    long floodStart = events.stream().filter(e -> e.operation().equals("PUBLISH")).skip(100).findFirst().orElseThrow()
        .timeMicros();
    assertTrue(findings.stream().allMatch(x -> x.timeMicros() >= floodStart), "nothing before the flood");
    PeerStats pair = model.devices.get("127.0.0.3").peers[0];
    System.out.printf("learned log interval mean %.3f sd %.3f n %d, recent %.3f%n", pair.intervalMean, pair.intervalSd(), pair.intervals, pair.intervalEwma);
    assertTrue(findings.stream().anyMatch(x -> x.indicators().contains("polling_interval_deviation")),
        "the publishing cycle shortened five-fold");
  }

  @Test
  void aNewTopicOnTheBrokerIsFlagged() {
    List<TelemetryEvent> events = Captures.mqtt("mqtt_publish_flood.pcapng");
    BaselineModel model = TestConfig.untilEndLearning();
    Captures.observe(model, events.subList(0, 100));
    model.endLearning();
    long t = events.get(100).timeMicros();
    List<Finding> findings = new ArrayList<>();
    model.observe(Events.publish(t, "127.0.0.1", "127.0.0.3", "plant/line1/setpoint", 40), findings::add);
    assertEquals(1, findings.size());
    assertEquals(List.of("new_topic"), findings.get(0).indicators());
    assertTrue(findings.get(0).explanation().contains("plant/line1/setpoint"));
  }
}
