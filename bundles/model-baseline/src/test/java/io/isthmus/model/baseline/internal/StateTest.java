package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Export and import of the learned state: what a hot swap or a restart relies on. */
class StateTest {
  private final List<TelemetryEvent> events = Captures.modbus("modbus_polling_ModbusTCP.pcap");
  private final int half = events.size() / 2;

  @Test
  void aModelContinuedFromStateFindsExactlyWhatTheOriginalFinds() {
    BaselineModel original = TestConfig.untilEndLearning();
    Captures.observe(original, events.subList(0, half));
    original.endLearning();
    ModelState state = original.exportState();
    assertEquals(StateCodec.FORMAT, state.formatVersion());
    assertEquals("baseline", state.modelId());
    System.out.printf("state of %d devices: %d bytes%n", original.devices.size(), state.data().length);

    BaselineModel continued = TestConfig.untilEndLearning();
    continued.codes.code("SOMETHING_ELSE_FIRST"); // codes differ between instances: import must re-map them
    continued.importState(state);
    assertFalse(continued.isLearning(), "the learning flag travels with the state");
    assertEquals(original.devices.keySet(), continued.devices.keySet());

    List<TelemetryEvent> rest = new ArrayList<>(events.subList(half, events.size()));
    long t = rest.get(rest.size() - 1).timeMicros() + 1_000_000;
    rest.add(Events.modbusRequest(t, "141.81.0.200", "141.81.0.46", 16, "WRITE_MULTIPLE_REGISTERS", 9, 4));
    rest.add(Events.modbusRequest(t + 1, "141.81.0.10", "141.81.0.24", 90, "UMAS_STOP_PLC", 0, 1));
    rest.add(Events.modbusRequest(t + 2, "141.81.0.10", "141.81.0.46", 4, "READ_INPUT_REGISTERS", 30_000, 10));
    List<String> expected = summary(Captures.observe(original, rest));
    List<String> actual = summary(Captures.observe(continued, rest));
    assertEquals(3, expected.size(), expected.toString());
    assertEquals(expected, actual);
  }

  @Test
  void exportImportExportGivesTheSameBaseline() {
    BaselineModel a = TestConfig.untilEndLearning();
    Captures.observe(a, events.subList(0, half));
    BaselineModel b = TestConfig.untilEndLearning();
    b.importState(a.exportState());
    assertTrue(b.isLearning(), "exported while learning, imported still learning");
    assertEquals(a.total.get(), b.total.get());
    for (String key : a.devices.keySet()) {
      assertArrayEquals(deviceBytes(a, key), deviceBytes(b, key), key);
    }
  }

  @Test
  void aBrokenStateIsRefusedWithIllegalArgument() {
    BaselineModel a = TestConfig.untilEndLearning();
    Captures.observe(a, events.subList(0, 500));
    byte[] data = a.exportState().data();
    BaselineModel b = TestConfig.untilEndLearning();
    assertThrows(IllegalArgumentException.class,
        () -> b.importState(new ModelState("baseline", "x", 1, Arrays.copyOf(data, data.length / 2))));
    assertThrows(IllegalArgumentException.class, () -> b.importState(new ModelState("baseline", "x", 99, data)));
    assertThrows(IllegalArgumentException.class, () -> b.importState(new ModelState("counting", "x", 1, data)));
    byte[] garbage = data.clone();
    garbage[0] ^= 0x55;
    assertThrows(IllegalArgumentException.class, () -> b.importState(new ModelState("baseline", "x", 1, garbage)));
    b.importState(ModelState.empty("baseline", "x"));
    assertTrue(b.devices.isEmpty());
  }

  private static byte[] deviceBytes(BaselineModel model, String key) {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(bytes)) {
      DeviceBaseline d = model.devices.get(key);
      DeviceCodec.write(d, out);
      // operation codes are per instance: compare the names behind them
      for (short op : d.ops) {
        out.writeUTF(model.codes.name(op));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] raw = bytes.toByteArray();
    return raw;
  }

  private static List<String> summary(List<Finding> findings) {
    return findings.stream().map(f -> f.timeMicros() + " " + f.device().ip() + " " + f.peer().ip() + " "
        + f.indicators() + " " + f.score() + " " + f.techniques()).toList();
  }
}
