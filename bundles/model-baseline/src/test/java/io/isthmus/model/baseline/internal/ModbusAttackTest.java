package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks injected after a baseline learned from real polling (first half of the ITI capture):
 * the master is 141.81.0.10, the slaves 141.81.0.x on port 502.
 */
class ModbusAttackTest {
  private static final String MASTER = "141.81.0.10";
  private static final String PLC = "141.81.0.46";
  private BaselineModel model;
  private long t;

  @BeforeEach
  void learnFirstHalf() {
    List<TelemetryEvent> events = Captures.modbus("modbus_polling_ModbusTCP.pcap");
    model = TestConfig.untilEndLearning();
    Captures.observe(model, events.subList(0, events.size() / 2));
    model.endLearning();
    t = events.get(events.size() / 2).timeMicros() + 1_000_000;
  }

  @Test
  void aNewHostWritingRegistersIsARogueWriter() {
    Finding f = only(Events.modbusRequest(t, "141.81.0.200", PLC, 16, "WRITE_MULTIPLE_REGISTERS", 9, 4));
    assertTrue(f.indicators().contains("new_peer:141.81.0.200"), f.indicators().toString());
    assertTrue(f.indicators().contains("new_writer_host"), f.indicators().toString());
    assertTrue(ids(f).contains("T0848") && ids(f).contains("T0855"), f.techniques().toString());
    assertTrue(f.score() >= 0.8, "score " + f.score());
    assertEquals("141.81.0.200", f.peer().ip());
    assertTrue(f.explanation().contains("141.81.0.200") && f.explanation().contains("never"), f.explanation());
  }

  @Test
  void aFunctionCodeNeverSentToTheDeviceIsFlagged() {
    Finding f = only(Events.modbusRequest(t, MASTER, PLC, 90, "UMAS_STOP_PLC", 0, 1));
    assertTrue(f.indicators().contains("fc_not_in_baseline:90"), f.indicators().toString());
    assertTrue(ids(f).contains("T0858"), "stopping a PLC changes its operating mode: " + f.techniques());
    Finding diag = only(Events.modbusRequest(t + 1, MASTER, "141.81.0.24", 8, "DIAGNOSTICS", 0, 1));
    assertTrue(diag.indicators().contains("fc_not_in_baseline:8"), diag.indicators().toString());
    assertTrue(ids(diag).contains("T0855"), diag.techniques().toString());
  }

  @Test
  void theMasterWritingRegistersItNeverWroteIsOutsideTheBaseline() {
    Finding f = only(Events.modbusRequest(t, MASTER, PLC, 15, "WRITE_MULTIPLE_COILS", 4000, 8));
    assertTrue(f.indicators().contains("register_range_outside_baseline"), f.indicators().toString());
    assertTrue(ids(f).contains("T0836"), f.techniques().toString());
    assertTrue(f.indicators().stream().noneMatch(i -> i.startsWith("new_peer") || i.startsWith("fc_not")),
        "the master and FC 15 are known: " + f.indicators());
  }

  @Test
  void readingFarOutsideTheLearnedAddressesIsReconnaissance() {
    Finding f = only(Events.modbusRequest(t, MASTER, PLC, 4, "READ_INPUT_REGISTERS", 30_000, 125));
    assertEquals(List.of("register_range_outside_baseline"), f.indicators());
    assertTrue(ids(f).contains("T0861"), f.techniques().toString());
  }

  @Test
  void anAttackerRepeatingAFlaggedWriteNeverBecomesNormal() {
    List<Finding> findings = new ArrayList<>();
    int repeats = 600;
    for (int i = 0; i < repeats; i++) {
      model.observe(Events.modbusRequest(t + i * 2_000_000L, "141.81.0.200", PLC, 6, "WRITE_SINGLE_REGISTER", 9, 1),
          findings::add);
    }
    // Twenty minutes of the same write every 2 s: reported once per 10 s rate window, to the end.
    assertTrue(findings.size() >= repeats / 5 - 1, findings.size() + " findings");
    Finding last = findings.get(findings.size() - 1);
    assertTrue(last.timeMicros() >= t + (repeats - 5) * 2_000_000L, "still reported at the end");
    assertTrue(last.indicators().contains("new_writer_host"), last.indicators().toString());
    List<Finding> after = new ArrayList<>();
    model.observe(Events.modbusRequest(t + repeats * 2_000_000L + 60_000_000L, "141.81.0.200", PLC, 6,
        "WRITE_SINGLE_REGISTER", 9, 1), after::add);
    assertEquals(1, after.size(), "a later repeat is a finding again");
  }

  private Finding only(TelemetryEvent e) {
    List<Finding> findings = new ArrayList<>();
    model.observe(e, findings::add);
    assertEquals(1, findings.size(), "one finding for " + e.operation() + ": " + findings);
    Finding f = findings.get(0);
    assertTrue(f.score() > 0 && f.score() <= 1, "score " + f.score());
    assertEquals(List.of(e), f.evidence());
    System.out.println(f.indicators() + " " + f.techniques() + " score " + f.score() + "\n  " + f.explanation());
    return f;
  }

  private static List<String> ids(Finding f) {
    return f.techniques().stream().map(Technique::id).toList();
  }
}
