package io.isthmus.pipeline.internal;

import static io.isthmus.pipeline.internal.Fixtures.await;
import static io.isthmus.pipeline.internal.Fixtures.awaitLatch;
import static io.isthmus.pipeline.internal.Fixtures.awaitScored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.pipeline.internal.Fixtures.Ledger;
import io.isthmus.pipeline.internal.Fixtures.Publisher;
import io.isthmus.pipeline.internal.Fixtures.TestModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Removing a model and adding its next version while sources keep publishing. */
class HotSwapTest {
  private static final int PUBLISHERS = 3;
  private static final int DEVICES_PER_PUBLISHER = 200;

  private ScoringEngine engine;
  private final List<Publisher> publishers = new ArrayList<>();

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (Publisher p : publishers) {
      p.finish();
    }
    if (engine != null) {
      Fixtures.stopQuietly(engine);
    }
  }

  private void startPublishers() {
    for (int p = 0; p < PUBLISHERS; p++) {
      Publisher publisher = new Publisher(engine, "pcap:" + p, SourceKind.FILE_REPLAY, p * 1000,
          DEVICES_PER_PUBLISHER, 0, Long.MAX_VALUE);
      publishers.add(publisher);
      publisher.start();
    }
  }

  private long stopPublishers() throws InterruptedException {
    long sent = 0;
    for (Publisher p : publishers) {
      p.finish();
      assertEquals(0, p.channel().dropped(), "BLOCK channels drop nothing");
      sent += p.channel().accepted();
    }
    return sent;
  }

  private Optional<Binding> binding(String modelId) {
    for (Binding b : engine.registry().current().bindings()) {
      if (b.lane().modelId.equals(modelId)) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  @Test
  void nextVersionContinuesFromTheExportedStateAndGetsTheHeldEventsFirst() throws Exception {
    engine = Fixtures.engine(2, 1024, 600_000, 50_000_000);
    Ledger ledger = new Ledger();
    TestModel v1 = new TestModel("swap", "1", ledger, 0);
    TestModel witness = new TestModel("witness", "1");
    engine.registry().add(v1);
    engine.registry().add(witness);
    engine.start();
    startPublishers();
    await("a stream to build up", () -> v1.observed() > 20_000);

    engine.registry().remove(v1);
    assertTrue(v1.exported, "remove() exports the state of the old version");
    assertEquals(List.of("swap"), engine.status().parkedModels());
    ModelLane lane = binding("swap").orElseThrow().lane();
    // Let events pile up for the parked model, as they do while its bundle is being updated.
    await("events to be held for the parked model", () -> lane.heldTotal() > 1_000);

    TestModel v2 = new TestModel("swap", "2", ledger, 0);
    v2.expectsImport = true;
    engine.registry().add(v2);
    long heldWhenAdded = lane.heldTotal();
    await("the next version to score newer events", () -> v2.observed() > heldWhenAdded + 20_000);
    long sent = stopPublishers();
    awaitScored(engine, sent);

    assertNotNull(v2.imported, "v2 imported v1's state");
    assertEquals("1", v2.imported.modelVersion());
    assertEquals(v1.exportedCount, v2.importedCount(), "v2 continues from the count v1 exported");
    assertEquals(v1.exportedCount, v1.observed(), "v1 saw nothing after exporting");
    assertEquals(sent, v1.observed() + v2.observed(), "no event lost or doubled across the swap");
    assertEquals(sent, witness.observed());
    // Every device's events arrived 0, 1, 2, ... across both versions: held events were replayed
    // in order and before anything newer.
    assertEquals(List.of(), ledger.violations());
    assertEquals(List.of(), witness.ledger.violations());
    assertEquals(0, lane.heldTotal());
    PipelineStatus s = engine.status();
    assertEquals(List.of("swap@2", "witness@1"), s.models().stream().sorted().toList());
    assertEquals(List.of(), s.parkedModels());
    assertEquals(sent, s.eventsIn());
  }

  @Test
  void nextVersionThatCannotReadTheStateStartsFreshAndStillGetsTheHeldEvents() throws Exception {
    engine = Fixtures.engine(2, 1024, 600_000, 50_000_000);
    Ledger ledger = new Ledger();
    TestModel v1 = new TestModel("swap", "1", ledger, 0);
    engine.registry().add(v1);
    engine.start();
    startPublishers();
    await("a stream to build up", () -> v1.observed() > 10_000);

    engine.registry().remove(v1);
    ModelLane lane = binding("swap").orElseThrow().lane();
    await("events to be held for the parked model", () -> lane.heldTotal() > 1_000);
    TestModel v2 = new TestModel("swap", "2", ledger, 0) {
      @Override
      public void importState(ModelState state) {
        throw new IllegalArgumentException("unknown format " + state.formatVersion());
      }
    };
    engine.registry().add(v2);
    await("the next version to score", () -> v2.observed() > 10_000);
    long sent = stopPublishers();
    awaitScored(engine, sent);

    assertEquals(sent, v1.observed() + v2.observed());
    assertEquals(List.of(), ledger.violations());
  }

  @Test
  void aModelThatDoesNotComeBackIsRetiredAfterTheGracePeriodAndThePipelineKeepsFlowing() throws Exception {
    engine = Fixtures.engine(2, 1024, 300, 50_000_000); // 300 ms grace
    TestModel gone = new TestModel("gone", "1");
    TestModel witness = new TestModel("witness", "1");
    engine.registry().add(gone);
    engine.registry().add(witness);
    engine.start();
    startPublishers();
    await("a stream to build up", () -> gone.observed() > 10_000);

    engine.registry().remove(gone);
    ModelLane lane = binding("gone").orElseThrow().lane();
    await("the lane to be retired and forgotten", () -> binding("gone").isEmpty());
    assertEquals(0, lane.heldTotal(), "held events were released");

    // Still flowing: newer events are scored without waiting for anything.
    long scoredAfterRetirement = engine.status().eventsScored();
    await("more events to be scored", () -> engine.status().eventsScored() > scoredAfterRetirement + 20_000);
    long sent = stopPublishers();
    awaitScored(engine, sent);

    assertEquals(sent, witness.observed());
    assertTrue(gone.observed() < sent);
    assertEquals(gone.exportedCount, gone.observed(), "the removed model saw nothing after it was removed");
    assertEquals(List.of(), witness.ledger.violations());
    assertEquals(List.of(), gone.ledger.violations());
    PipelineStatus s = engine.status();
    assertEquals(List.of("witness@1"), s.models());
    assertEquals(List.of(), s.parkedModels());
    assertEquals(0, s.queueDepth());
  }

  /**
   * Regression: a retired lane with nothing held must not be forgotten while a worker still works
   * with a model set in which the lane is parked. That worker holds its current event for the
   * lane when it gets to it; if the lane is gone from the next set, nobody ever releases the
   * event and it is never counted as scored.
   */
  @Test
  void aRetiredLaneIsKeptUntilNoWorkerCanStillHoldEventsForIt() throws Exception {
    // A grace period no test reaches: the test retires the lane itself, by calling expire(0).
    engine = Fixtures.engine(1, 1024, 600_000, 1_000_000);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    TestModel blocker = new TestModel("blocker", "1") {
      @Override
      public void observe(TelemetryEvent event, FindingSink findings) {
        entered.countDown();
        awaitLatch(gate, "the test to open the gate");
        super.observe(event, findings);
      }
    };
    TestModel gone = new TestModel("gone", "1");
    engine.registry().add(blocker);
    engine.registry().add(gone);
    engine.start();

    engine.registry().remove(gone);
    ModelLane lane = binding("gone").orElseThrow().lane();
    EventChannel channel = engine.openChannel("pcap:x", SourceKind.FILE_REPLAY);
    assertTrue(channel.publish(Fixtures.event(1, 0, 0)));
    // The worker is inside the blocker with a set where "gone" is parked; it has held nothing yet.
    awaitLatch(entered, "the worker to enter the blocking model");
    assertEquals(0, lane.heldTotal());

    assertEquals(List.of("gone"), engine.status().parkedModels());
    engine.registry().expire(0); // retires the lane
    assertEquals(List.of(), engine.status().parkedModels(), "a retired lane holds nothing for a next version");
    engine.registry().expire(0); // must not forget it yet: the worker may still hold for it
    gate.countDown();
    await("the retired lane to be forgotten", () -> {
      engine.registry().expire(0);
      return binding("gone").isEmpty();
    });
    awaitScored(engine, 1);
    assertEquals(1, blocker.observed());
    assertEquals(0, lane.heldTotal(), "the event held for the retired lane was released");
  }

  /**
   * Regression (found by {@code isthmus bench hot-swap}): a bundle seen stopped during one update
   * must not count against the next update's stop; otherwise the second swap, more than the
   * stopped grace later, retires the lane and the new version starts without the old state.
   */
  @Test
  void aStopSeenDuringAnEarlierSwapDoesNotRetireTheNextOne() throws Exception {
    engine = Fixtures.engine(1, 1024, 600_000, 1_000_000);
    engine.start();
    TestModel first = new TestModel("m", "1");
    engine.registry().add(first, () -> Presence.STOPPED);
    engine.registry().remove(first);
    engine.registry().expire(Long.MAX_VALUE); // housekeeping sees the bundle stopped mid-update
    TestModel second = new TestModel("m", "2");
    engine.registry().add(second, () -> Presence.STOPPED);
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(ModelRegistry.STOPPED_GRACE_NANOS) + 100);
    engine.registry().remove(second);
    engine.registry().expire(Long.MAX_VALUE);
    assertEquals(List.of("m"), engine.status().parkedModels(), "the second update is only starting: still parked");
  }
}
