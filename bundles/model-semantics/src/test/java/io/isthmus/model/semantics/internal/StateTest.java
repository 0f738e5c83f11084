package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Events.*;
import static org.junit.jupiter.api.Assertions.*;

import io.isthmus.api.detection.ModelState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Export and import of what the model learned, across instances and versions. */
class StateTest {

  @Test
  void aNewInstanceContinuesFromTheExportedState() {
    Recorder old = Recorder.learning();
    old.observe(request("modbus", "WRITE_SINGLE_REGISTER", HMI), request("dnp3", "READ", HMI));
    old.model.endLearning();
    ModelState state = old.model.exportState();
    assertEquals(SemanticsModel.ID, state.modelId());
    assertEquals(SemanticsState.FORMAT, state.formatVersion());

    Recorder next = new Recorder(Settings.defaults());
    assertTrue(next.model.isLearning());
    next.model.importState(state);
    assertFalse(next.model.isLearning(), "learning had ended before the export");
    assertEquals(List.of(), next.observe(request("modbus", "WRITE_SINGLE_REGISTER", HMI),
        request("dnp3", "DIRECT_OPERATE", HMI)));
    assertEquals(2, next.observe(request("modbus", "WRITE_SINGLE_REGISTER", INTRUDER),
        request("dnp3", "DIRECT_OPERATE", INTRUDER)).size());
    assertArrayEquals(withoutHeader(state.data()), withoutHeader(exportOf(reimport(state))),
        "a re-export of an import holds the same relations");
  }

  @Test
  void aLearningModelKeepsItsLearningDeadlineAcrossTheHandOver() {
    Recorder old = new Recorder(Settings.defaults().withLearning(10 * Settings.MINUTE));
    old.observe(request("modbus", "WRITE_SINGLE_REGISTER", HMI, java.util.Map.of(), 0));
    Recorder next = new Recorder(Settings.defaults().withLearning(10 * Settings.MINUTE));
    next.model.importState(old.model.exportState());
    assertEquals(List.of(), next.observe(request("modbus", "WRITE_SINGLE_REGISTER", INTRUDER, java.util.Map.of(),
        9 * Settings.MINUTE)));
    assertTrue(next.model.isLearning());
    assertEquals(1, next.observe(request("modbus", "WRITE_SINGLE_REGISTER", "10.0.0.99", java.util.Map.of(),
        11 * Settings.MINUTE)).size(), "the deadline set by the first instance's first event holds");
    assertFalse(next.model.isLearning());
  }

  /** Format 1 as documented in SemanticsState, written independently of the model's writer. */
  @Test
  void readsAFormatOneStateWrittenToTheDocumentedLayout() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeBoolean(false);
    out.writeLong(Long.MIN_VALUE);
    out.writeInt(1);
    out.writeUTF(DEVICE);
    out.writeInt(1);
    out.writeUTF("modbus " + HMI);
    out.writeLong(5);
    out.writeInt(1);
    out.writeUTF("dnp3 " + HMI);
    out.writeLong(6);
    Recorder r = Recorder.learning();
    r.model.importState(new ModelState(SemanticsModel.ID, "0.1.0", 1, bytes.toByteArray()));
    assertFalse(r.model.isLearning());
    assertEquals(List.of(), r.observe(request("modbus", "WRITE_SINGLE_COIL", HMI), request("dnp3", "OPERATE", HMI)));
    assertEquals(1, r.observe(request("modbus", "WRITE_SINGLE_COIL", INTRUDER)).size());
  }

  @Test
  void unreadableStatesAreRefusedWithIllegalArgumentException() {
    SemanticsModel model = new SemanticsModel("1", Settings.defaults());
    byte[] good = Recorder.learning().model.exportState().data();
    assertThrows(IllegalArgumentException.class,
        () -> model.importState(new ModelState(SemanticsModel.ID, "9.0.0", 2, good)), "newer format");
    assertThrows(IllegalArgumentException.class,
        () -> model.importState(new ModelState("counting", "1", 1, good)), "another model's state");
    assertThrows(IllegalArgumentException.class,
        () -> model.importState(new ModelState(SemanticsModel.ID, "1", 1, Arrays.copyOf(good, good.length - 1))));
    byte[] absurd = good.clone();
    absurd[9] = (byte) 0x7f;
    assertThrows(IllegalArgumentException.class,
        () -> model.importState(new ModelState(SemanticsModel.ID, "1", 1, absurd)), "absurd device count");
    model.importState(ModelState.empty(SemanticsModel.ID, "1"));
    assertTrue(model.isLearning());
  }

  @Test
  void exportWhileEventsFlowDoesNotFail() throws InterruptedException {
    SemanticsModel model = new SemanticsModel("1", Settings.defaults());
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 200_000; i++) {
        model.observe(request("modbus", "WRITE_SINGLE_REGISTER", "10.2." + (i % 200) + ".1",
            java.util.Map.of(), i), f -> { });
      }
    });
    writer.start();
    int exports = 0;
    while (writer.isAlive()) {
      reimport(model.exportState());
      exports++;
    }
    writer.join();
    assertTrue(exports > 0);
  }

  private static SemanticsModel reimport(ModelState state) {
    SemanticsModel m = new SemanticsModel("2", Settings.defaults());
    m.importState(state);
    return m;
  }

  private static byte[] exportOf(SemanticsModel m) {
    return m.exportState().data();
  }

  private static byte[] withoutHeader(byte[] data) {
    return Arrays.copyOfRange(data, 9, data.length);
  }
}
