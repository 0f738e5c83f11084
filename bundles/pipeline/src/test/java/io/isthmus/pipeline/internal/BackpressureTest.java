package io.isthmus.pipeline.internal;

import static io.isthmus.pipeline.internal.Fixtures.await;
import static io.isthmus.pipeline.internal.Fixtures.awaitLatch;
import static io.isthmus.pipeline.internal.Fixtures.awaitScored;
import static io.isthmus.pipeline.internal.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.pipeline.internal.Fixtures.TestModel;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a channel does when a slow model lets its partition's queue fill up. */
class BackpressureTest {
  private static final int CAPACITY = 1024;

  private ScoringEngine engine;
  private final CountDownLatch gate = new CountDownLatch(1);
  /** Blocks on the gate inside its first event, so the worker stops draining the queue. */
  private final TestModel slow = new TestModel("slow", "1") {
    @Override
    public void observe(TelemetryEvent event, FindingSink findings) {
      awaitLatch(gate, "the test to open the gate");
      super.observe(event, findings);
    }
  };

  @AfterEach
  void stopEngine() {
    gate.countDown();
    if (engine != null) {
      Fixtures.stopQuietly(engine);
    }
  }

  private void startEngine() {
    engine = Fixtures.engine(1, CAPACITY, 60_000, 1_000_000);
    engine.registry().add(slow);
    engine.start();
  }

  @Test
  void dropChannelDropsAndCountsWhenThePartitionIsFull() {
    startEngine();
    EventChannel channel = engine.openChannel("live:eth1", SourceKind.LIVE);
    assertEquals(Backpressure.DROP, channel.backpressure());
    int sent = 3 * CAPACITY;
    int acceptedByReturn = 0;
    for (int i = 0; i < sent; i++) {
      if (channel.publish(event(7, i, i))) {
        acceptedByReturn++;
      }
    }

    assertEquals(sent, channel.accepted() + channel.dropped());
    assertEquals(acceptedByReturn, channel.accepted());
    // The queue holds CAPACITY events and the blocked worker at most one more.
    assertTrue(channel.accepted() <= CAPACITY + 1, "accepted " + channel.accepted());
    assertTrue(channel.dropped() >= sent - CAPACITY - 1, "dropped " + channel.dropped());
    PipelineStatus s = engine.status();
    assertEquals(channel.accepted(), s.eventsIn());
    assertEquals(channel.dropped(), s.eventsDropped());

    gate.countDown();
    awaitScored(engine, channel.accepted());
    assertEquals(channel.accepted(), slow.observed(), "every accepted event is scored");
  }

  @Test
  void blockChannelWaitsForRoomAndNeverDrops() throws Exception {
    startEngine();
    EventChannel channel = engine.openChannel("pcap:plant-a.pcap", SourceKind.FILE_REPLAY);
    assertEquals(Backpressure.BLOCK, channel.backpressure());
    int sent = 3 * CAPACITY;
    Thread publisher = new Thread(() -> {
      for (int i = 0; i < sent; i++) {
        channel.publish(event(7, i, i));
      }
    }, "test-publisher");
    publisher.setDaemon(true);
    publisher.start();

    await("the partition queue to fill up", () -> engine.status().queueDepth() == CAPACITY);
    assertTrue(publisher.isAlive(), "the publisher waits for room");
    assertEquals(0, channel.dropped());

    gate.countDown();
    publisher.join(Fixtures.LIVENESS_TIMEOUT_MILLIS);
    assertEquals(sent, channel.accepted());
    assertEquals(0, channel.dropped());
    awaitScored(engine, sent);
    assertEquals(sent, slow.observed());
    assertEquals(List.of(), slow.ledger.violations(), "order kept while the publisher waited");
    assertEquals(0, engine.status().eventsDropped());
  }

  @Test
  void configuredOverrideBeatsTheSourceKindDefault() {
    engine = new ScoringEngine(new EngineSettings(1, CAPACITY,
        BackpressurePolicy.parse(new String[] {"pcap:*=DROP", "live:lab=BLOCK"}), 60_000, 1_000));
    engine.start();
    try (EventChannel replay = engine.openChannel("pcap:big.pcap", SourceKind.FILE_REPLAY);
        EventChannel lab = engine.openChannel("live:lab", SourceKind.LIVE);
        EventChannel live = engine.openChannel("live:eth0", SourceKind.LIVE)) {
      assertEquals(Backpressure.DROP, replay.backpressure());
      assertEquals(Backpressure.BLOCK, lab.backpressure());
      assertEquals(Backpressure.DROP, live.backpressure());
    }
  }

  @Test
  void aClosedChannelRejectsAndCounts() {
    startEngine();
    gate.countDown();
    EventChannel channel = engine.openChannel("pcap:x", SourceKind.FILE_REPLAY);
    assertTrue(channel.publish(event(1, 0, 0)));
    channel.close();
    assertEquals(false, channel.publish(event(1, 1, 1)));
    assertEquals(1, channel.accepted());
    assertEquals(1, channel.dropped());
    assertEquals(1, engine.status().eventsDropped());
  }
}
