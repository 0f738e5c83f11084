package io.isthmus.pipeline.internal;

import static io.isthmus.pipeline.internal.Fixtures.await;
import static io.isthmus.pipeline.internal.Fixtures.awaitScored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.pipeline.internal.Fixtures.Ledger;
import io.isthmus.pipeline.internal.Fixtures.Publisher;
import io.isthmus.pipeline.internal.LifecycleFixtures.Collector;
import io.isthmus.pipeline.internal.LifecycleFixtures.ScriptedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Promote and roll back while sources publish: no event lost, duplicated or reordered. */
class PromoteRollbackTest {
  private ScoringEngine engine;
  private final List<Publisher> publishers = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Publisher p : publishers) {
      p.finish();
    }
    if (engine != null) {
      Fixtures.stopQuietly(engine);
    }
  }

  @Test
  void swapsUnderLoadLoseNoEventAndEachVersionKeepsItsState() throws Exception {
    engine = Fixtures.engine(3, 1024, 30_000, 2_000_000);
    Collector collector = new Collector();
    engine.addListener(collector);
    engine.start();
    Ledger ledger1 = new Ledger();
    Ledger ledger2 = new Ledger();
    // every event yields one finding from each version: exactly one of them reaches the listener
    ScriptedModel v1 = new ScriptedModel("m", "1", seq -> true, 0.7, ledger1);
    ScriptedModel v2 = new ScriptedModel("m", "2", seq -> true, 0.7, ledger2);
    engine.registry().add(v1, null, false);
    engine.registry().add(v2, null, true);

    for (int p = 0; p < 3; p++) {
      Publisher publisher = new Publisher(engine, "pcap:" + p, SourceKind.FILE_REPLAY, p * 1000, 150, 0, Long.MAX_VALUE);
      publishers.add(publisher);
      publisher.start();
    }
    ModelRoles roles = engine.registry().roles();
    for (int round = 0; round < 6; round++) {
      long before = engine.status().eventsScored();
      await("events flow", () -> engine.status().eventsScored() > before + 20_000);
      ModelInfo info = round % 2 == 0 ? roles.promote("m") : roles.rollback("m");
      assertEquals(round % 2 == 0 ? "2" : "1", info.activeVersion());
      assertEquals(round % 2 == 0 ? "1" : "2", info.shadowVersion());
      assertTrue(info.rollbackAvailable());
    }
    long sent = 0;
    for (Publisher p : publishers) {
      p.finish();
      sent += p.channel().accepted();
    }
    awaitScored(engine, sent);

    assertEquals(List.of(), ledger1.violations());
    assertEquals(List.of(), ledger2.violations());
    assertEquals(sent, v1.observed(), "v1 saw every event, as active or shadow");
    assertEquals(sent, v2.observed(), "v2 saw every event, as active or shadow");
    assertEquals(sent, v2.total() - v2.importedCount, "v2 kept counting from the state it started with");
    assertEquals(sent, collector.findings.size(), "one finding per event reached the listener, from the active version");
    assertTrue(collector.fromVersion("1") > 0 && collector.fromVersion("2") > 0);
    assertEquals(0, engine.heldLost());
  }

  @Test
  void afterPromotionOnlyTheNewVersionAlerts() {
    engine = Fixtures.engine(2, 1024, 30_000, 100_000);
    Collector collector = new Collector();
    engine.addListener(collector);
    engine.start();
    engine.registry().add(new ScriptedModel("m", "1", seq -> true, 0.7, null), null, false);
    engine.registry().add(new ScriptedModel("m", "2", seq -> true, 0.7, null), null, true);
    ModelRoles roles = engine.registry().roles();
    assertThrows(IllegalStateException.class, () -> roles.rollback("m"), "nothing promoted yet");
    assertThrows(NoSuchElementException.class, () -> roles.promote("nope"));

    roles.promote("m");
    try (var channel = engine.openChannel("x", SourceKind.FILE_REPLAY)) {
      for (int i = 0; i < 100; i++) {
        channel.publish(Fixtures.event(i, 0, i));
      }
    }
    awaitScored(engine, 100);
    assertEquals(100, collector.fromVersion("2"));
    assertEquals(0, collector.fromVersion("1"));
    assertEquals(100, roles.comparison("m").orElseThrow().eventsScoredByBoth(), "the comparison restarted at the swap");
    assertEquals("1", roles.comparison("m").orElseThrow().shadowVersion());
  }

  @Test
  void aSecondActiveVersionBindsAsShadowAndAThirdIsRefused() {
    engine = Fixtures.engine(1, 1024, 30_000, 100_000);
    engine.start();
    engine.registry().add(new ScriptedModel("m", "1"), null, false);
    engine.registry().add(new ScriptedModel("m", "2"), null, false);
    engine.registry().add(new ScriptedModel("m", "3"), null, true);
    List<ModelInfo> models = engine.registry().roles().models();
    assertEquals(1, models.size());
    assertEquals("1", models.get(0).activeVersion());
    assertEquals("2", models.get(0).shadowVersion());
  }
}
