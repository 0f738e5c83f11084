package io.isthmus.model.sequence.internal;

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

/** Export and import: a restored model continues exactly where the exported one stopped. */
class StateTest {

  private static List<TelemetryEvent> session(long start, String client, String device, String... ops) {
    List<TelemetryEvent> events = new ArrayList<>();
    for (int i = 0; i < ops.length; i++) {
      events.add(Events.request(start + i * 100_000L, client, device, "modbus", ops[i]));
    }
    return events;
  }

  /** Many polling sessions of reads with the odd write, then an attack session. */
  private static List<TelemetryEvent> normal(long start, int sessions) {
    List<TelemetryEvent> events = new ArrayList<>();
    for (int s = 0; s < sessions; s++) {
      events.addAll(session(start + s * 600_000_000L, "10.0.0.1", "10.0.0.9",
          "READ_COILS", "READ_HOLDING_REGISTERS", "READ_COILS", "READ_HOLDING_REGISTERS", "WRITE_SINGLE_COIL", "READ_COILS"));
    }
    return events;
  }

  private static List<TelemetryEvent> attack(long start) {
    return session(start, "10.0.0.66", "10.0.0.9", "READ_COILS", "READ_HOLDING_REGISTERS", "WRITE_MULTIPLE_REGISTERS",
        "WRITE_MULTIPLE_REGISTERS", "UMAS_STOP_PLC", "UMAS_DOWNLOAD_BLOCK");
  }

  private static List<String> describe(List<Finding> findings) {
    return findings.stream().map(f -> f.indicators() + " " + f.score() + " " + f.techniques()).toList();
  }

  /**
   * Open sessions are not part of the state (their held transitions, at most a batch per
   * session, are re-learned from later traffic), so the export is taken between sessions.
   */
  @Test
  void roundTripContinuesWithTheSameFindings() {
    SequenceModel original = Configs.model();
    Events.observe(original, normal(0, 40));
    original.endLearning();
    ModelState state = original.exportState();
    assertEquals("sequence", state.modelId());
    assertEquals(SequenceState.FORMAT, state.formatVersion());

    SequenceModel restored = new SequenceModel("1.1.0.test", Configs.defaults());
    // A restored model may already know other names in another order: ids are remapped by name.
    Events.observe(restored, session(0, "10.9.9.9", "10.9.9.8", "READ_FIFO_QUEUE", "WRITE_FILE_RECORD"));
    restored.importState(state);
    assertFalse(restored.isLearning());
    assertEquals(original.chainOf("10.0.0.9").learned(), restored.chainOf("10.0.0.9").learned());

    List<TelemetryEvent> after = new ArrayList<>(normal(40 * 600_000_000L, 5));
    after.addAll(attack(50 * 600_000_000L));
    List<Finding> expected = Events.observe(original, after);
    List<Finding> actual = Events.observe(restored, after);
    assertEquals(3, expected.size(), describe(expected).toString());
    assertEquals(describe(expected), describe(actual));
    assertEquals(original.chainOf("10.0.0.9").learned(), restored.chainOf("10.0.0.9").learned());

    // Exported again and imported once more, the state still gives the same findings.
    SequenceModel third = Configs.model();
    third.importState(restored.exportState());
    assertEquals(describe(Events.observe(original, attack(60 * 600_000_000L))),
        describe(Events.observe(third, attack(60 * 600_000_000L))));
  }

  @Test
  void aStillLearningModelStaysLearningAfterImport() {
    SequenceModel learning = Configs.model();
    Events.observe(learning, normal(0, 3));
    SequenceModel restored = Configs.model();
    restored.importState(learning.exportState());
    assertTrue(restored.isLearning());
    assertEquals(learning.chainOf("10.0.0.9").learned(), restored.chainOf("10.0.0.9").learned());
  }

  @Test
  void emptyStateIsIgnoredAndUnknownOrCorruptStatesAreRefused() {
    SequenceModel model = Configs.model();
    model.importState(ModelState.empty("sequence", "0"));
    assertTrue(model.isLearning());
    Events.observe(model, normal(0, 40));
    model.endLearning();
    byte[] data = model.exportState().data();

    SequenceModel other = Configs.model();
    assertThrows(IllegalArgumentException.class, () -> other.importState(new ModelState("sequence", "9", 99, data)));
    assertThrows(IllegalArgumentException.class,
        () -> other.importState(new ModelState("sequence", "1", SequenceState.FORMAT, Arrays.copyOf(data, data.length / 2))));
    byte[] absurd = data.clone();
    // The name count (after flag and two longs) claims more names than the state could hold.
    absurd[17] = 0x7f;
    assertThrows(IllegalArgumentException.class,
        () -> other.importState(new ModelState("sequence", "1", SequenceState.FORMAT, absurd)));
  }

  @Test
  void stateKeysSurviveThePackingOfContexts() {
    int[] history = {OperationNames.START, 7, 65_000};
    for (int l = 0; l <= 3; l++) {
      long key = Chain.key(history, l);
      assertEquals(l, Chain.length(key));
      assertArrayEquals(Arrays.copyOfRange(history, 3 - l, 3), Chain.ids(key));
    }
  }
}
