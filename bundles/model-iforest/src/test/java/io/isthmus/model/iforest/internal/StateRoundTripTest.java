package io.isthmus.model.iforest.internal;

import static io.isthmus.model.iforest.internal.IsolationForestModelTest.MINUTE;
import static io.isthmus.model.iforest.internal.IsolationForestModelTest.feed;
import static io.isthmus.model.iforest.internal.SyntheticTraffic.START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.TelemetryEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateRoundTripTest {
  private final List<IsolationForestModel> models = new ArrayList<>();

  private IsolationForestModel model(String version) {
    IsolationForestModel m = new IsolationForestModel(version, Settings.defaults().withLearningMinutes(20));
    models.add(m);
    return m;
  }

  @AfterEach
  void stopTrainers() throws InterruptedException {
    for (IsolationForestModel m : models) {
      m.deactivate();
    }
  }

  /** Normal traffic after learning with two attacks: a new writer, then a write flood by the master. */
  private static List<TelemetryEvent> afterLearning(SyntheticTraffic site) {
    long t = START + 25 * MINUTE;
    List<TelemetryEvent> events = SyntheticTraffic.merge(site.normal(START + 20 * MINUTE, START + 30 * MINUTE),
        site.writeBurst("10.0.0.66", "10.0.0.13", t, 20, 5, "WRITE_SINGLE_COIL"));
    return SyntheticTraffic.merge(events, site.writeBurst(SyntheticTraffic.MASTER, "10.0.0.11", t + 60_000_000, 25, 9,
        "WRITE_SINGLE_REGISTER"));
  }

  @Test
  void aTrainedModelHandsItsBaselineToTheNextVersion() {
    SyntheticTraffic site = new SyntheticTraffic(5);
    List<TelemetryEvent> learning = site.normal(START, START + 20 * MINUTE);
    List<TelemetryEvent> later = afterLearning(site);

    IsolationForestModel old = model("1.0.0");
    feed(old, learning);
    old.endLearning();
    old.awaitTraining();
    ModelState state = old.exportState();
    assertEquals(IsolationForestModel.ID, state.modelId());
    assertEquals(StateCodec.FORMAT, state.formatVersion());

    IsolationForestModel next = model("1.1.0");
    next.importState(state);
    assertFalse(next.isLearning());
    List<Finding> expected = feed(old, later);
    List<Finding> actual = feed(next, later);
    assertEquals(2, expected.size(), expected::toString);
    assertEquals(summary(expected), summary(actual));
    assertEquals("1.1.0", actual.get(0).modelVersion());
  }

  @Test
  void aModelStillLearningGoesOnLearningAfterTheHandOver() {
    SyntheticTraffic site = new SyntheticTraffic(6);
    List<TelemetryEvent> learning = site.normal(START, START + 20 * MINUTE);
    List<TelemetryEvent> later = afterLearning(site);
    int half = learning.size() / 2;

    IsolationForestModel whole = model("1.0.0");
    feed(whole, learning);
    IsolationForestModel first = model("1.0.0");
    feed(first, learning.subList(0, half));
    ModelState mid = first.exportState();
    IsolationForestModel second = model("1.1.0");
    second.importState(mid);
    assertTrue(second.isLearning());
    feed(second, learning.subList(half, learning.size()));

    // the hand-over may cut one window in two; everything else must be the same baseline
    double[][] a = whole.device("10.0.0.12").learnedWindows();
    double[][] b = second.device("10.0.0.12").learnedWindows();
    assertTrue(Math.abs(a.length - b.length) <= 1, a.length + " vs " + b.length);
    assertArrayEquals(a[a.length - 1], b[b.length - 1]);
    assertEquals(whole.device("10.0.0.11").operations, second.device("10.0.0.11").operations);
    second.endLearning();
    second.awaitTraining();
    assertEquals(2, feed(second, later).size());
  }

  @Test
  void unreadableStatesAreRejectedWithIllegalArgument() throws IOException {
    IsolationForestModel m = model("1.0.0");
    m.importState(ModelState.empty(IsolationForestModel.ID, "0.9"));
    assertTrue(m.isLearning());
    assertThrows(IllegalArgumentException.class,
        () -> m.importState(new ModelState(IsolationForestModel.ID, "9.0", 99, new byte[] {1, 2, 3})));
    byte[] good = model("1.0.0").exportState().data();
    assertThrows(IllegalArgumentException.class,
        () -> m.importState(new ModelState(IsolationForestModel.ID, "1.0", 1, Arrays.copyOf(good, good.length - 3))));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(1);
      out.writeUTF("events"); // a state without the other features cannot feed this version's forest
      out.writeBoolean(false);
      out.writeLong(0);
      out.writeInt(0);
    }
    assertThrows(IllegalArgumentException.class,
        () -> m.importState(new ModelState(IsolationForestModel.ID, "1.0", 1, bytes.toByteArray())));
    ByteArrayOutputStream huge = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(huge)) {
      out.writeInt(Integer.MAX_VALUE);
    }
    assertThrows(IllegalArgumentException.class,
        () -> m.importState(new ModelState(IsolationForestModel.ID, "1.0", 1, huge.toByteArray())));
  }

  private static List<String> summary(List<Finding> findings) {
    return findings.stream().map(f -> f.device().ip() + " " + f.score() + " " + f.indicators() + " " + f.explanation()).toList();
  }
}
