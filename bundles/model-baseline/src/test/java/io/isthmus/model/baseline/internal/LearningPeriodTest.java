package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The learning period ends by event count, by event time or at once on endLearning(). */
class LearningPeriodTest {
  private static final String MASTER = "10.0.0.1";
  private static final String PLC = "10.0.0.2";

  @Test
  void learningEndsAfterTheConfiguredNumberOfEvents() {
    BaselineModel model = TestConfig.model(Map.of("learning_seconds", 0L, "learning_events", 100L));
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      model.observe(Events.modbusRequest(i * 1_000_000L, MASTER, PLC, 3, "READ_HOLDING_REGISTERS", 0, 10), findings::add);
      assertTrue(model.isLearning(), "event " + i);
    }
    model.observe(Events.modbusRequest(100_000_000L, MASTER, PLC, 6, "WRITE_SINGLE_REGISTER", 0, 1), findings::add);
    assertFalse(model.isLearning());
    assertEquals(1, findings.size(), "the 101st event is analysed: " + findings);
    assertTrue(findings.get(0).indicators().contains("fc_not_in_baseline:6"));
  }

  @Test
  void learningEndsAfterTheConfiguredEventTime() {
    BaselineModel model = TestConfig.model(Map.of("learning_seconds", 60L));
    List<Finding> findings = new ArrayList<>();
    long start = 1_700_000_000_000_000L;
    for (int i = 0; i < 60; i++) {
      model.observe(Events.modbusRequest(start + i * 1_000_000L, MASTER, PLC, 3, "READ_HOLDING_REGISTERS", 0, 10),
          findings::add);
    }
    assertTrue(model.isLearning(), "59 s of event time");
    model.observe(Events.modbusRequest(start + 60_000_000L, MASTER, PLC, 3, "READ_HOLDING_REGISTERS", 0, 10),
        findings::add);
    assertFalse(model.isLearning(), "60 s of event time");
    assertTrue(findings.isEmpty(), findings.toString());
  }

  @Test
  void endLearningSwitchesAtOnceAndNothingIsReportedWhileLearning() {
    BaselineModel model = TestConfig.untilEndLearning();
    List<Finding> findings = new ArrayList<>();
    model.observe(Events.modbusRequest(0, MASTER, PLC, 3, "READ_HOLDING_REGISTERS", 0, 10), findings::add);
    model.observe(Events.modbusRequest(1, "10.9.9.9", PLC, 6, "WRITE_SINGLE_REGISTER", 7, 1), findings::add);
    assertTrue(model.isLearning());
    assertTrue(findings.isEmpty());
    model.endLearning();
    assertFalse(model.isLearning());
    model.observe(Events.modbusRequest(2, "10.9.9.9", PLC, 6, "WRITE_SINGLE_REGISTER", 7, 1), findings::add);
    assertTrue(findings.isEmpty(), "learned as normal while learning: " + findings);
    model.observe(Events.modbusRequest(3, "10.9.9.8", PLC, 6, "WRITE_SINGLE_REGISTER", 7, 1), findings::add);
    assertEquals(1, findings.size());
  }

  @Test
  void aDeviceFirstSeenAfterLearningIsANewDeviceUntilLearnedIfTheSiteAllowsIt() {
    BaselineModel strict = TestConfig.model(Map.of("learning_seconds", 0L, "device_learning_events", 0));
    strict.observe(Events.modbusRequest(0, MASTER, PLC, 3, "READ_HOLDING_REGISTERS", 0, 10), f -> { });
    strict.endLearning();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      strict.observe(Events.modbusRequest(1 + i * 20_000_000L, MASTER, "10.0.0.77", 3, "READ_HOLDING_REGISTERS", 0, 10),
          findings::add);
    }
    assertEquals(50, findings.size(), "never learned: reported in every 10 s window");
    assertEquals(List.of("new_device"), findings.get(49).indicators());

    BaselineModel lenient = TestConfig.model(Map.of("learning_seconds", 0L, "device_learning_events", 20));
    lenient.observe(Events.modbusRequest(0, MASTER, PLC, 3, "READ_HOLDING_REGISTERS", 0, 10), f -> { });
    lenient.endLearning();
    findings.clear();
    for (int i = 0; i < 50; i++) {
      lenient.observe(Events.modbusRequest(1 + i * 20_000_000L, MASTER, "10.0.0.77", 3, "READ_HOLDING_REGISTERS", 0, 10),
          findings::add);
    }
    assertEquals(1, findings.size(), "reported once, then learned: " + findings);
  }
}
