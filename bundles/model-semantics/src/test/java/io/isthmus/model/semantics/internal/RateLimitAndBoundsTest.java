package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Events.*;
import static org.junit.jupiter.api.Assertions.*;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flood of one command gives one finding per window with a count; state stays bounded. */
class RateLimitAndBoundsTest {
  private static final long WINDOW = Settings.defaults().repeatWindowMicros();

  @Test
  void aFloodOfTheSameCommandIsCountedNotReportedOneByOne() {
    Recorder r = Recorder.live();
    List<Finding> found = r.observe(request("enip", "MODE_CHANGE_STOP", INTRUDER, Map.of(), 0));
    for (int i = 1; i < 10_000; i++) {
      found = r.observe(request("enip", "MODE_CHANGE_STOP", INTRUDER, Map.of(), i * 1_000L));
      assertEquals(List.of(), found);
    }
    assertEquals(1, r.findings.size());
    assertEquals(9_999, r.model.heldBack());
    List<Finding> next = r.observe(request("enip", "MODE_CHANGE_STOP", INTRUDER, Map.of(), WINDOW + 1));
    assertEquals(1, next.size());
    assertTrue(next.get(0).indicators().contains("repeats_since_last_finding:9999"), next.get(0).indicators().toString());
    assertTrue(next.get(0).explanation().contains("9999 more times"), next.get(0).explanation());
  }

  @Test
  void theLimitIsPerPeerAndPerRule() {
    Recorder r = Recorder.live();
    assertEquals(1, r.observe(request("enip", "MODE_CHANGE_STOP", INTRUDER)).size());
    assertEquals(1, r.observe(request("enip", "MODE_CHANGE_STOP", HMI)).size());
    assertEquals(1, r.observe(request("enip", "MODE_CHANGE_RUN", INTRUDER)).size());
    assertEquals(0, r.observe(request("enip", "MODE_CHANGE_STOP", HMI)).size());
  }

  @Test
  void aMoreSevereHitOfTheSameRuleEscalatesWithinTheWindow() {
    Recorder r = Recorder.live();
    assertEquals(1, r.observe(request("bacnet", "WRITE_PROPERTY", HMI, Map.of("priority", 10), 1)).stream()
        .filter(f -> f.indicators().get(0).equals("bacnet_priority_write")).count());
    assertEquals(List.of(), r.observe(request("bacnet", "WRITE_PROPERTY", HMI, Map.of("priority", 9), 2)));
    List<Finding> lifeSafety = r.observe(request("bacnet", "WRITE_PROPERTY", HMI, Map.of("priority", 1), 3));
    assertEquals(1, lifeSafety.size());
    assertTrue(lifeSafety.get(0).indicators().contains("repeats_since_last_finding:1"), lifeSafety.toString());
    assertEquals(List.of(), r.observe(request("bacnet", "WRITE_PROPERTY", HMI, Map.of("priority", 2), 4)));
  }

  @Test
  void writersPerDeviceAndDevicesAreCapped() {
    Settings small = new Settings(Settings.UNTIL_ENDED, WINDOW, 8, 50, 60_000_000L, 10, 8);
    SemanticsModel model = new SemanticsModel("1", small);
    for (int i = 0; i < 1_000; i++) {
      model.observe(request("modbus", "WRITE_SINGLE_REGISTER", "10.1." + i / 250 + "." + i % 250, Map.of(), i), f -> { });
      model.observe(TelemetryEvent.builder().timeMicros(i).protocol("modbus").operation("WRITE_SINGLE_REGISTER")
          .direction(Direction.REQUEST).source(Endpoint.of(HMI, 1)).destination(Endpoint.of("10.9.0." + i % 250, 502))
          .build(), f -> { });
    }
    assertTrue(model.devices() <= 50, "devices " + model.devices());
    SemanticsModel copy = new SemanticsModel("1", small);
    copy.importState(model.exportState());
    // The most recent writers of the scanned device survived, the oldest were evicted.
    copy.endLearning();
    List<Finding> found = new java.util.ArrayList<>();
    copy.observe(request("modbus", "WRITE_SINGLE_REGISTER", "10.1.3.249", Map.of(), 2_000), found::add);
    copy.observe(request("modbus", "WRITE_SINGLE_REGISTER", "10.1.0.0", Map.of(), 2_001), found::add);
    assertEquals(1, found.size(), found.toString());
    assertEquals("10.1.0.0", found.get(0).peer().ip());
  }
}
