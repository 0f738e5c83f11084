package io.isthmus.model.iforest.internal;

import static io.isthmus.model.iforest.internal.SyntheticTraffic.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IsolationForestModelTest {
  static final long MINUTE = 60_000_000L;

  private final List<IsolationForestModel> models = new ArrayList<>();

  IsolationForestModel model(Settings s) {
    IsolationForestModel m = new IsolationForestModel("1.0.0", s);
    models.add(m);
    return m;
  }

  @AfterEach
  void stopTrainers() throws InterruptedException {
    for (IsolationForestModel m : models) {
      m.deactivate();
    }
  }

  static List<Finding> feed(IsolationForestModel m, List<TelemetryEvent> events) {
    List<Finding> out = new ArrayList<>();
    for (TelemetryEvent e : events) {
      m.observe(e, out::add);
    }
    return out;
  }

  @Test
  void learnsForTheConfiguredPeriodThenFlagsOnlyTheInjectedWindow() {
    SyntheticTraffic site = new SyntheticTraffic(1);
    IsolationForestModel m = model(Settings.defaults().withLearningMinutes(30));
    assertTrue(feed(m, site.normal(START, START + 30 * MINUTE)).isEmpty());
    assertTrue(m.isLearning());
    // the first event past 30 minutes ends learning and starts training on the trainer thread
    List<Finding> findings = feed(m, site.normal(START + 30 * MINUTE, START + 40 * MINUTE));
    assertFalse(m.isLearning());
    m.awaitTraining();
    long attackAt = START + 40 * MINUTE + 2_000_000;
    List<TelemetryEvent> later = SyntheticTraffic.merge(site.normal(START + 40 * MINUTE, START + 45 * MINUTE),
        site.writeBurst("10.0.0.66", "10.0.0.12", attackAt, 30, 6, "WRITE_MULTIPLE_REGISTERS"));
    findings.addAll(feed(m, later));

    assertEquals(1, findings.size(), () -> "findings: " + findings);
    Finding f = findings.get(0);
    assertEquals("10.0.0.12", f.device().ip());
    assertEquals("10.0.0.66", f.peer().ip());
    assertEquals(IsolationForestModel.ID, f.modelId());
    assertTrue(f.score() >= 0.5 && f.score() <= 1, "score " + f.score());
    assertTrue(f.indicators().contains("new_peer_host:10.0.0.66"), f.indicators()::toString);
    assertTrue(f.indicators().contains("new_operation:WRITE_MULTIPLE_REGISTERS"), f.indicators()::toString);
    assertTrue(f.indicators().stream().anyMatch(i -> i.startsWith("window_feature_outlier:")), f.indicators()::toString);
    assertEquals("T0855", f.techniques().get(0).id());
    assertTrue(f.evidence().stream().anyMatch(e -> e.source().ip().equals("10.0.0.66")));
    assertTrue(f.timeMicros() >= attackAt && f.timeMicros() < attackAt + 10_000_000L);
    assertTrue(f.explanation().contains("10.0.0.66"), f.explanation());
  }

  @Test
  void forestScoresTheInjectedWindowAboveThresholdAndNormalWindowsBelow() {
    SyntheticTraffic site = new SyntheticTraffic(2);
    IsolationForestModel m = model(Settings.defaults().withLearningMinutes(0));
    feed(m, site.normal(START, START + 30 * MINUTE));
    m.endLearning();
    m.awaitTraining();
    Baseline own = trainedOwn(m, "10.0.0.11");
    assertNotNull(own, "180 windows give device .11 a forest of its own");

    List<double[]> normal = windows(site.normal(START + 30 * MINUTE, START + 90 * MINUTE), "10.0.0.11");
    for (double[] x : normal) {
      double raw = own.forest.score(x);
      assertTrue(raw < own.threshold, "normal window " + raw + " >= " + own.threshold);
      assertTrue(own.calibrate(raw) < 0.5);
    }
    // the same device, polled as usual, but its master also writes ten times in the window: nothing
    // new (the master writes to .11 now and then), only more writes and events than ever learned
    List<TelemetryEvent> burst = SyntheticTraffic.merge(site.normal(START + 90 * MINUTE, START + 90 * MINUTE + 10_000_000),
        site.writeBurst(SyntheticTraffic.MASTER, "10.0.0.11", START + 90 * MINUTE, 10, 10, "WRITE_SINGLE_REGISTER"));
    double[] odd = windows(burst, "10.0.0.11").get(0);
    double raw = own.forest.score(odd);
    assertTrue(raw >= own.threshold, "injected window " + raw + " < " + own.threshold);
    assertTrue(own.calibrate(raw) >= 0.5 && own.calibrate(raw) <= 1);
  }

  @Test
  void calibrationMapsTheThresholdToOneHalfAndStaysInTheUnitInterval() {
    SyntheticTraffic site = new SyntheticTraffic(3);
    IsolationForestModel m = model(Settings.defaults().withLearningMinutes(0));
    feed(m, site.normal(START, START + 20 * MINUTE));
    m.endLearning();
    m.awaitTraining();
    Baseline b = m.pooledBaseline();
    assertNotNull(b);
    assertEquals(0.5, b.calibrate(b.threshold), 1e-12);
    assertEquals(0.0, b.calibrate(0), 1e-12);
    assertEquals(1.0, b.calibrate(1), 1e-12);
    double previous = -1;
    for (double r = -0.5; r <= 1.5; r += 0.01) {
      double c = b.calibrate(r);
      assertTrue(c >= 0 && c <= 1, "calibrated " + c);
      assertTrue(c >= previous, "monotone");
      previous = c;
    }
  }

  @Test
  void aDeviceFirstSeenAfterLearningIsComparedWithWhatAllDevicesDid() {
    SyntheticTraffic site = new SyntheticTraffic(7);
    IsolationForestModel m = model(Settings.defaults().withLearningMinutes(0));
    feed(m, site.normal(START, START + 20 * MINUTE));
    m.endLearning();
    m.awaitTraining();
    long t = START + 20 * MINUTE;
    List<TelemetryEvent> later = new ArrayList<>(site.normal(t, t + 5 * MINUTE));
    for (long at = t; at < t + 5 * MINUTE; at += 500_000) { // polled like the others: nothing to report
      later.add(SyntheticTraffic.event(at, SyntheticTraffic.MASTER, "10.0.0.14", "READ_HOLDING_REGISTERS",
          io.isthmus.api.event.Direction.REQUEST, 5));
    }
    long odd = t + 2 * MINUTE + 1_000_000;
    later.addAll(site.writeBurst(SyntheticTraffic.MASTER, "10.0.0.15", odd, 3, 3, "WRITE_SINGLE_COIL"));
    List<Finding> findings = feed(m, SyntheticTraffic.merge(later, List.of()));
    assertEquals(1, findings.size(), () -> "findings: " + findings);
    assertEquals("10.0.0.15", findings.get(0).device().ip());
    assertTrue(findings.get(0).indicators().contains("new_operation:WRITE_SINGLE_COIL"));
  }

  @Test
  void deactivateStopsTheTrainerThread() throws InterruptedException {
    SyntheticTraffic site = new SyntheticTraffic(4);
    IsolationForestModel m = model(Settings.defaults());
    feed(m, site.normal(START, START + 5 * MINUTE));
    m.endLearning();
    m.awaitTraining();
    m.deactivate();
    assertTrue(m.trainerStopped());
    IsolationForestModel late = model(Settings.defaults());
    late.deactivate();
    late.endLearning(); // nothing left to train on, and no exception out of a discarded instance
    assertFalse(late.isLearning());
  }

  /** The closed windows of one device in {@code events}, as the model computes them after learning. */
  static List<double[]> windows(List<TelemetryEvent> events, String device) {
    long windowMicros = Settings.defaults().windowMicros();
    List<double[]> out = new ArrayList<>();
    Window w = null;
    long last = -1;
    for (TelemetryEvent e : events) {
      if (!e.device().ip().equals(device)) {
        continue;
      }
      long index = Math.floorDiv(e.timeMicros(), windowMicros);
      if (w != null && index > w.index) {
        out.add(w.features());
        w = null;
      }
      if (w == null) {
        w = new Window(index, index * windowMicros);
      }
      w.add(e, last < 0 ? -1 : e.timeMicros() - last, false, false);
      last = e.timeMicros();
    }
    if (w != null) {
      out.add(w.features());
    }
    return out;
  }

  static Baseline trainedOwn(IsolationForestModel m, String device) {
    return m.device(device).own;
  }
}
