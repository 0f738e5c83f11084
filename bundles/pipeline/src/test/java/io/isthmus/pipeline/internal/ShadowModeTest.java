package io.isthmus.pipeline.internal;

import static io.isthmus.pipeline.internal.Fixtures.awaitScored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ShadowComparison;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.pipeline.internal.LifecycleFixtures.Collector;
import io.isthmus.pipeline.internal.LifecycleFixtures.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A shadow version scores the live stream beside the active one; only the comparison hears it. */
class ShadowModeTest {
  private ScoringEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      Fixtures.stopQuietly(engine);
    }
  }

  private void publish(int devices, int eventsPerDevice) {
    try (EventChannel channel = engine.openChannel("script", SourceKind.FILE_REPLAY)) {
      int id = 0;
      for (int seq = 0; seq < eventsPerDevice; seq++) {
        for (int d = 0; d < devices; d++) {
          channel.publish(Fixtures.event(d, seq, id++));
        }
      }
    }
  }

  @Test
  void shadowFindingsNeverReachListeners() {
    engine = Fixtures.engine(3, 1024, 30_000, 100_000);
    Collector collector = new Collector();
    engine.addListener(collector);
    engine.start();
    ScriptedModel active = new ScriptedModel("m", "1", seq -> true, 0.9, null);
    ScriptedModel shadow = new ScriptedModel("m", "2", seq -> true, 0.9, null);
    engine.registry().add(active, null, false);
    engine.registry().add(shadow, null, true);

    publish(50, 40);
    awaitScored(engine, 2000);

    assertEquals(2000, shadow.observed(), "the shadow scores every event");
    assertEquals(2000, collector.findings.size());
    assertEquals(2000, collector.fromVersion("1"));
    assertEquals(0, collector.fromVersion("2"), "no shadow finding reaches a listener");
    assertEquals(2000, engine.status().findings(), "shadow findings are not counted as raised");
    assertEquals(List.of("m@1"), engine.status().models(), "a shadow is not an active model");
  }

  @Test
  void aShadowWithoutActiveVersionRaisesNothing() {
    engine = Fixtures.engine(2, 1024, 30_000, 100_000);
    Collector collector = new Collector();
    engine.addListener(collector);
    engine.start();
    ScriptedModel shadow = new ScriptedModel("m", "2", seq -> true, 0.9, null);
    engine.registry().add(shadow, null, true);
    publish(10, 10);
    awaitScored(engine, 100);
    assertEquals(100, shadow.observed());
    assertTrue(collector.findings.isEmpty());
    ModelInfo info = engine.registry().roles().models().get(0);
    assertNull(info.activeVersion());
    assertEquals("2", info.shadowVersion());
    assertNull(info.comparison());
  }

  /**
   * Active flags every even seq at 0.8, the shadow every multiple of 3 at 0.5: per device and
   * seq in [0, n) they agree on multiples of 6 with a drift of 0.3.
   */
  @Test
  void comparisonCountsAgreementAndDriftOnAScriptedStream() {
    engine = Fixtures.engine(3, 1024, 30_000, 100_000);
    engine.start();
    ScriptedModel active = new ScriptedModel("m", "1", seq -> seq % 2 == 0, 0.8, null);
    ScriptedModel shadow = new ScriptedModel("m", "2", seq -> seq % 3 == 0, 0.5, null);
    engine.registry().add(active, null, false);
    publish(7, 10); // before the shadow: not compared
    awaitScored(engine, 70);
    engine.registry().add(shadow, null, true);
    assertEquals(70, shadow.importedCount, "the shadow starts from the active version's state");

    int devices = 20;
    int n = 600;
    long even = 0;
    long third = 0;
    long sixth = 0;
    for (long seq = 0; seq < n; seq++) {
      even += seq % 2 == 0 ? 1 : 0;
      third += seq % 3 == 0 ? 1 : 0;
      sixth += seq % 6 == 0 ? 1 : 0;
    }
    publishFrom(devices, n);
    awaitScored(engine, 70 + (long) devices * n);

    ShadowComparison c = engine.registry().roles().comparison("m").orElseThrow();
    assertEquals("1", c.activeVersion());
    assertEquals("2", c.shadowVersion());
    assertEquals((long) devices * n, c.eventsScoredByBoth());
    assertEquals(devices * even, c.activeFindings());
    assertEquals(devices * third, c.shadowFindings());
    assertEquals(devices * even, c.activeFlags());
    assertEquals(devices * third, c.shadowFlags());
    assertEquals(devices * sixth, c.agreedFlags());
    assertEquals((double) sixth / (even + third - sixth), c.agreement(), 1e-9);
    assertEquals(0.3, c.meanAbsScoreDrift(), 1e-9);
    assertFalse(engine.registry().roles().models().get(0).rollbackAvailable());
  }

  /** Devices 1000.. so their seq starts at 0 after the warm-up devices 0..6. */
  private void publishFrom(int devices, int eventsPerDevice) {
    try (EventChannel channel = engine.openChannel("script-2", SourceKind.FILE_REPLAY)) {
      int id = 0;
      for (int seq = 0; seq < eventsPerDevice; seq++) {
        for (int d = 0; d < devices; d++) {
          channel.publish(Fixtures.event(1000 + d, seq, id++));
        }
      }
    }
  }
}
