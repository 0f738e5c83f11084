package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Events.*;
import static org.junit.jupiter.api.Assertions.*;

import io.isthmus.api.detection.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New writers, new DNP3 masters and Modbus sweeps. */
class BaselineRulesTest {

  @Test
  void writersAreOnlyLearnedWhileLearningThenANewWriterIsFlaggedOnce() {
    Recorder r = Recorder.learning();
    assertEquals(List.of(), r.observe(request("modbus", "WRITE_SINGLE_REGISTER", HMI),
        request("modbus", "WRITE_MULTIPLE_COILS", INTRUDER)));
    r.model.endLearning();
    assertFalse(r.model.isLearning());
    assertEquals(List.of(), r.observe(request("modbus", "WRITE_SINGLE_REGISTER", HMI)), "known writer");

    Recorder after = Recorder.learning();
    after.observe(request("modbus", "WRITE_SINGLE_REGISTER", HMI));
    after.model.endLearning();
    List<Finding> found = after.observe(request("modbus", "WRITE_SINGLE_REGISTER", INTRUDER),
        request("modbus", "WRITE_SINGLE_REGISTER", INTRUDER));
    assertEquals(1, found.size(), "flagged once, then accepted: " + found);
    Finding f = found.get(0);
    assertEquals(List.of("new_writer", "new_writer_host", "operation:WRITE_SINGLE_REGISTER"), f.indicators());
    assertEquals(List.of("T0855", "T1692.001", "T0836"), ids(f));
    assertEquals(INTRUDER, f.peer().ip());
  }

  @Test
  void aWriterOfOneProtocolIsNotAWriterOfAnother() {
    Recorder r = Recorder.learning();
    r.observe(request("modbus", "WRITE_SINGLE_REGISTER", HMI));
    r.model.endLearning();
    assertEquals(1, r.observe(request("enip", "WRITE_TAG", HMI)).size());
    assertEquals(1, r.observe(request("bacnet", "WRITE_PROPERTY", HMI, Map.of("property", "present-value"), 2)).size());
  }

  @Test
  void dnp3ControlFromAHostThatNeverMasteredTheOutstationIsFlagged() {
    Recorder r = Recorder.learning();
    r.observe(request("dnp3", "READ", HMI));
    r.model.endLearning();
    assertEquals(List.of(), r.observe(request("dnp3", "DIRECT_OPERATE", HMI)), "the learned master operates");
    // Polling first does not make an intruder a master once learning is over.
    assertEquals(List.of(), r.observe(request("dnp3", "READ", INTRUDER)));
    List<Finding> found = r.observe(request("dnp3", "SELECT", INTRUDER), request("dnp3", "OPERATE", INTRUDER));
    assertEquals(1, found.size(), found.toString());
    assertEquals(List.of("dnp3_control_from_new_master", "new_master_host", "operation:SELECT"),
        found.get(0).indicators());
    assertEquals(List.of("T0855", "T1692.001", "T0848"), ids(found.get(0)));
  }

  @Test
  void aUnitIdSweepIsFlaggedButAFixedSetOfUnitsIsNot() {
    Recorder r = Recorder.live();
    for (int unit = 1; unit <= 5; unit++) {
      assertEquals(List.of(), r.observe(modbus(HMI, unit, 3, unit * 1_000_000L)));
    }
    List<Finding> found = List.of();
    for (int unit = 0; unit < 20 && found.isEmpty(); unit++) {
      found = r.observe(modbus(INTRUDER, unit, 3, 10_000_000L + unit * 100_000L));
    }
    assertEquals("modbus_unit_id_sweep", found.get(0).indicators().get(0));
    assertEquals("distinct_unit_ids:10", found.get(0).indicators().get(1));
    assertEquals(List.of("T0846"), ids(found.get(0)));
  }

  @Test
  void unitsSpreadOverMoreThanTheWindowAreNotASweep() {
    Recorder r = Recorder.live();
    for (int unit = 0; unit < 30; unit++) {
      assertEquals(List.of(), r.observe(modbus(HMI, unit, 3, unit * 10_000_000L)), "unit " + unit);
    }
  }

  @Test
  void aFunctionCodeSweepIsFlagged() {
    Recorder r = Recorder.live();
    int[] polling = {1, 2, 3, 4, 15, 16, 1, 2, 3, 4};
    for (int i = 0; i < polling.length; i++) {
      List<Finding> none = r.observe(modbus(HMI, 1, polling[i], i * 1_000L));
      assertTrue(none.stream().noneMatch(f -> f.indicators().get(0).contains("sweep")), none.toString());
    }
    List<Finding> found = List.of();
    for (int code = 1; code < 40 && found.stream().noneMatch(f -> f.indicators().get(0).contains("sweep")); code++) {
      found = r.observe(modbus(INTRUDER, 1, code, 1_000_000L + code));
    }
    Finding f = found.stream().filter(x -> x.indicators().get(0).equals("modbus_function_code_sweep")).findFirst()
        .orElseThrow();
    assertEquals("distinct_function_codes:8", f.indicators().get(1));
    assertEquals(List.of("T0888"), ids(f));
  }

  private static io.isthmus.api.event.TelemetryEvent modbus(String from, int unit, int code, long time) {
    return request("modbus", "FC_" + code, from, Map.of("unit", unit, "func_code", code), time);
  }
}
