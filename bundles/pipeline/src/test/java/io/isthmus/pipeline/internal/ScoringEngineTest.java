package io.isthmus.pipeline.internal;

import static io.isthmus.pipeline.internal.Fixtures.await;
import static io.isthmus.pipeline.internal.Fixtures.awaitLatch;
import static io.isthmus.pipeline.internal.Fixtures.awaitScored;
import static io.isthmus.pipeline.internal.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.pipeline.internal.Fixtures.Ledger;
import io.isthmus.pipeline.internal.Fixtures.Publisher;
import io.isthmus.pipeline.internal.Fixtures.TestModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScoringEngineTest {
  private ScoringEngine engine;

  @AfterEach
  void stopEngine() {
    if (engine != null) {
      Fixtures.stopQuietly(engine);
    }
  }

  @Test
  void everyAcceptedEventIsScoredExactlyOnceByEveryActiveModel() throws Exception {
    int publishers = 3;
    int perPublisher = 60_000;
    int total = publishers * perPublisher;
    engine = Fixtures.engine(3, 1024, 60_000, 1_000_000);
    List<TestModel> models = List.of(
        new TestModel("a", "1", new Ledger(), total),
        new TestModel("b", "1", new Ledger(), total),
        new TestModel("c", "1", new Ledger(), total));
    models.forEach(engine.registry()::add);
    engine.start();

    List<Publisher> threads = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      threads.add(new Publisher(engine, "pcap:" + p, SourceKind.FILE_REPLAY, p * 1000, 97, p * perPublisher, perPublisher));
    }
    threads.forEach(Thread::start);
    for (Publisher t : threads) {
      t.join();
    }
    for (Publisher t : threads) {
      assertEquals(perPublisher, t.channel().accepted());
      assertEquals(0, t.channel().dropped());
    }
    awaitScored(engine, total);

    for (TestModel m : models) {
      assertEquals(total, m.observed(), m.id + " observed");
      for (int id = 0; id < total; id++) {
        assertEquals(1, m.seenIds.get(id), m.id + " saw event " + id);
      }
      assertEquals(List.of(), m.ledger.violations());
    }
    PipelineStatus s = engine.status();
    assertEquals(total, s.eventsIn());
    assertEquals(0, s.eventsDropped());
    assertEquals(0, s.queueDepth());
    assertEquals(0, s.modelErrors());
    assertEquals(total, s.latency().count(), "every scored event has a latency");
    assertEquals(List.of("a@1", "b@1", "c@1"), s.models());
    assertEquals(List.of(), s.parkedModels());
  }

  @Test
  void eventsOfOneDeviceArriveInOrderOnOneThreadWithSeveralWorkersAndPublishers() throws Exception {
    int publishers = 4;
    int perPublisher = 50_000;
    engine = Fixtures.engine(4, 1024, 60_000, 1_000_000);
    TestModel model = new TestModel("order", "1");
    engine.registry().add(model);
    engine.start();

    List<Publisher> threads = new ArrayList<>();
    for (int p = 0; p < publishers; p++) {
      // 37 devices per publisher: enough to spread over every partition, few enough that each
      // device gets over a thousand events.
      threads.add(new Publisher(engine, "pcap:" + p, SourceKind.FILE_REPLAY, p * 1000, 37, 0, perPublisher));
    }
    threads.forEach(Thread::start);
    for (Publisher t : threads) {
      t.join();
    }
    awaitScored(engine, (long) publishers * perPublisher);

    assertEquals(List.of(), model.ledger.violations());
    assertEquals(publishers * 37, model.ledger.lastSeq.size());
    for (long last : model.ledger.lastSeq.values()) {
      assertTrue(last > 1000, "every device got its events: last seq " + last);
    }
    Set<Thread> workers = Set.copyOf(model.ledger.owner.values());
    assertTrue(workers.size() > 1, "devices were spread over several workers: " + workers);
  }

  @Test
  void aModelThatThrowsIsCountedAndTheOthersKeepScoring() throws Exception {
    int events = 30_000;
    engine = Fixtures.engine(2, 1024, 60_000, 1_000_000);
    TestModel steady = new TestModel("steady", "1");
    TestModel flaky = new TestModel("flaky", "1") {
      @Override
      public void observe(TelemetryEvent event, FindingSink findings) {
        super.observe(event, findings);
        long seq = Fixtures.seq(event);
        if (seq % 3 == 0) {
          throw new IllegalStateException("model bug on seq " + seq);
        }
        if (seq % 3 == 1) {
          throw new NoClassDefFoundError("io/example/Gone");
        }
      }
    };
    engine.registry().add(flaky);
    engine.registry().add(steady);
    engine.start();

    Publisher publisher = new Publisher(engine, "pcap:x", SourceKind.FILE_REPLAY, 0, 10, 0, events);
    publisher.start();
    publisher.join();
    awaitScored(engine, events);

    assertEquals(events, steady.observed());
    assertEquals(events, flaky.observed(), "the failing model still gets every event");
    long expectedErrors = 0;
    for (int i = 0; i < events; i++) {
      // seq of the i-th event: publisher round-robins over 10 devices
      if ((i / 10) % 3 != 2) {
        expectedErrors++;
      }
    }
    assertEquals(expectedErrors, engine.status().modelErrors());
    assertEquals(List.of(), steady.ledger.violations());
    assertEquals(List.of(), flaky.ledger.violations());
  }

  @Test
  void findingsReachEveryListenerEvenWhenOneListenerFails() throws Exception {
    int events = 10_000;
    engine = Fixtures.engine(2, 1024, 60_000, 1_000_000);
    TestModel reporter = new TestModel("reporter", "1") {
      @Override
      public void observe(TelemetryEvent event, FindingSink findings) {
        super.observe(event, findings);
        if (Fixtures.seq(event) % 10 == 0) {
          findings.emit(new Finding(id, version, event.timeMicros(), event.device(), event.peer(), event.protocol(),
              0.75, List.of("test"), List.of(), List.of(event), "every tenth event of a device"));
        }
      }
    };
    ConcurrentLinkedQueue<Finding> received = new ConcurrentLinkedQueue<>();
    engine.addListener(f -> {
      throw new IllegalStateException("listener bug");
    });
    engine.addListener(received::add);
    engine.registry().add(reporter);
    engine.start();

    Publisher publisher = new Publisher(engine, "pcap:x", SourceKind.FILE_REPLAY, 0, 10, 0, events);
    publisher.start();
    publisher.join();
    awaitScored(engine, events);

    assertEquals(events / 10, received.size());
    assertEquals(events / 10, engine.status().findings());
    assertEquals(0, engine.status().modelErrors(), "a failing listener is not a model error");
  }

  @Test
  void stopScoresQueuedEventsBeforeItsThreadsEndAndLeavesNoThreadAlive() throws Exception {
    Set<Thread> before = Fixtures.pipelineThreads();
    int events = 800;
    engine = Fixtures.engine(2, 1024, 60_000, 1_000_000);
    CountDownLatch gate = new CountDownLatch(1);
    TestModel slow = new TestModel("slow", "1") {
      @Override
      public void observe(TelemetryEvent event, FindingSink findings) {
        awaitLatch(gate, "the test to open the gate");
        super.observe(event, findings);
      }
    };
    engine.registry().add(slow);
    engine.start();
    Set<Thread> ours = Fixtures.pipelineThreads();
    ours.removeAll(before);
    assertEquals(3, ours.size(), "two workers and housekeeping: " + ours);

    EventChannel channel = engine.openChannel("pcap:x", SourceKind.FILE_REPLAY);
    for (int i = 0; i < events; i++) {
      assertTrue(channel.publish(event(i % 50, i / 50, i)));
    }
    assertTrue(engine.status().eventsScored() < events, "the gate holds the workers back");

    AtomicReference<Throwable> stopFailed = new AtomicReference<>();
    Thread stopper = new Thread(() -> {
      try {
        engine.stop(Fixtures.LIVENESS_TIMEOUT_MILLIS);
      } catch (Throwable t) {
        stopFailed.set(t);
      }
    }, "test-stopper");
    stopper.start();
    await("stop to begin", () -> !engine.isRunning());
    assertFalse(channel.publish(event(0, 10_000, 0)), "a stopping engine accepts nothing");
    gate.countDown();
    stopper.join(Fixtures.LIVENESS_TIMEOUT_MILLIS);
    assertFalse(stopper.isAlive(), "stop returned");
    assertEquals(null, stopFailed.get());

    // No waiting here: stop() joined the workers after they drained.
    assertEquals(events, slow.observed(), "queued events were scored before the workers ended");
    PipelineStatus s = engine.status();
    assertEquals(events, s.eventsScored());
    assertEquals(0, s.queueDepth());
    assertEquals(events, s.eventsIn());
    assertEquals(1, s.eventsDropped(), "the event published while stopping");
    for (Thread t : ours) {
      if (!t.getName().contains("housekeeping")) {
        assertFalse(t.isAlive(), t.getName() + " is still alive after stop()");
      }
    }
    // The executor reports termination just before its thread finishes exiting.
    for (Thread t : ours) {
      t.join(Fixtures.LIVENESS_TIMEOUT_MILLIS);
      assertFalse(t.isAlive(), t.getName() + " is still alive after stop()");
    }
    assertFalse(channel.publish(event(0, 10_001, 0)), "a stopped engine accepts nothing");
  }

  /**
   * Regression: a worker that was never idle (it found events waiting on its first look at the
   * queue) must still count as busy, or removing a model exports its state while the worker is
   * inside {@code observe}.
   */
  @Test
  void removingAModelWaitsForAWorkerStillInsideIt() throws Exception {
    engine = Fixtures.engine(1, 1024, 60_000, 1_000_000);
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    AtomicBoolean inside = new AtomicBoolean();
    AtomicBoolean exportedWhileInside = new AtomicBoolean();
    CountDownLatch exportCalled = new CountDownLatch(1);
    TestModel model = new TestModel("blocking", "1") {
      @Override
      public void observe(TelemetryEvent event, FindingSink findings) {
        inside.set(true);
        entered.countDown();
        awaitLatch(gate, "the test to open the gate");
        super.observe(event, findings);
        inside.set(false);
      }

      @Override
      public io.isthmus.api.detection.ModelState exportState() {
        exportedWhileInside.set(inside.get());
        exportCalled.countDown();
        return super.exportState();
      }
    };
    engine.registry().add(model);
    // Queue an event before the worker starts, so its very first batch is busy.
    TelemetryEvent first = event(1, 0, 0);
    assertTrue(engine.partitionFor(first).offer(new QueuedEvent(first, System.nanoTime())));
    engine.start();
    awaitLatch(entered, "the worker to enter the model");

    Thread remover = new Thread(() -> engine.registry().remove(model), "test-remover");
    remover.start();
    // Give a wrong implementation the chance to export early; a right one waits for the gate.
    boolean early = exportCalled.await(500, TimeUnit.MILLISECONDS);
    gate.countDown();
    remover.join(Fixtures.LIVENESS_TIMEOUT_MILLIS);
    assertFalse(remover.isAlive());
    assertFalse(early && exportedWhileInside.get(), "state exported while a worker was inside observe()");
    assertFalse(exportedWhileInside.get(), "state exported while a worker was inside observe()");
    assertEquals(1, model.exportedCount);
  }
}
