package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.event.TelemetryEvent;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscArrayQueue;
import org.jspecify.annotations.Nullable;

/**
 * One scoring thread and its queue. Every event of a device lands in the same partition, so a
 * model sees one device's events in order and never concurrently.
 *
 * <p>Queue: JCTools' lock-free {@code MpscArrayQueue} — many sources publish, one worker
 * consumes. Measured with {@code QueueBenchmark} (docs/benchmarks.md; 2 cores, median of 5
 * iterations, hand-offs per second): one producer 38 M/s against 18 M/s for {@code
 * ArrayBlockingQueue} (one lock both ends contend for) and 27 M/s for the LMAX Disruptor; two
 * producers 41 M/s against 31 M/s and 17 M/s. It also keeps a plain queue API, where the
 * Disruptor wants pre-allocated mutable slots that our immutable events don't fit.
 */
final class Partition implements Runnable {
  private static final int BATCH = 256;
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final FindingSink DROP = finding -> { };

  final int index;
  private final MpscArrayQueue<QueuedEvent> queue;
  private final ScoringEngine engine;
  private final LatencyRecorder latency = new LatencyRecorder();
  private final FindingSink findings;
  private final ShadowScratch shadows;
  private final int heldLimit;
  private int heldTotal;
  private long lastSeenVersion = -1;
  private volatile @Nullable Thread thread;

  /** The model-set version this worker may still be using; see {@link ModelRegistry#awaitQuiescence}. */
  volatile long usingVersion;
  /**
   * True only while the worker is between batches (about to park, or parked). It starts false: a
   * worker that finds events on its very first look never passes through the idle branch, and
   * must not look idle to {@link ModelRegistry#awaitQuiescence} while it is inside a model.
   */
  volatile boolean idle;
  final AtomicLong scored = new AtomicLong();

  Partition(int index, int capacity, int heldLimit, ScoringEngine engine) {
    this.index = index;
    this.queue = new MpscArrayQueue<>(capacity);
    this.engine = engine;
    this.heldLimit = heldLimit;
    this.findings = engine::dispatchFinding;
    this.shadows = new ShadowScratch(findings);
  }

  void start(String name) {
    Thread t = new Thread(this, name);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  boolean offer(QueuedEvent event) {
    if (!queue.offer(event)) {
      return false;
    }
    if (idle) {
      wake();
    }
    return true;
  }

  void wake() {
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  int depth() {
    return queue.size();
  }

  int capacity() {
    return queue.capacity();
  }

  LatencyRecorder latency() {
    return latency;
  }

  void join(long millis) throws InterruptedException {
    Thread t = thread;
    if (t != null) {
      t.join(millis);
    }
  }

  boolean isAlive() {
    Thread t = thread;
    return t != null && t.isAlive();
  }

  @Override
  public void run() {
    ModelRegistry registry = engine.registry();
    while (true) {
      ModelSet set = registry.current();
      usingVersion = set.version();
      if (set.version() != lastSeenVersion) {
        settleHeld(set);
        lastSeenVersion = set.version();
      }
      int n = 0;
      QueuedEvent q;
      while (n < BATCH && (q = queue.poll()) != null) {
        score(q, set);
        n++;
      }
      if (n == 0) {
        if (!engine.isRunning() && queue.isEmpty()) {
          break;
        }
        idle = true;
        if (queue.isEmpty() && registry.current().version() == lastSeenVersion) {
          LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        }
        idle = false;
      }
    }
    idle = true;
  }

  private void score(QueuedEvent q, ModelSet set) {
    PendingEvent pending = null;
    Binding[] bindings = set.bindings();
    for (int i = 0; i < bindings.length; i++) {
      Binding b = bindings[i];
      switch (b.state()) {
        case ACTIVE -> {
          DetectionModel model = b.model();
          if (b.lane().hasHeld(index)) {
            replay(b.lane(), model);
          }
          observe(model, q.event(), liveSink(b, set.slots()[i]));
        }
        case PARKED -> {
          if (heldTotal >= heldLimit) {
            engine.countHeldLost();
          } else {
            if (pending == null) {
              pending = new PendingEvent(q);
            }
            pending.lanesPending++;
            heldTotal++;
            b.lane().hold(index, pending);
          }
        }
        case RETIRED -> { }
      }
    }
    if (set.comparisons().length > 0) {
      shadows.compare(set.comparisons());
    }
    engine.dispatchEvent(q.event());
    if (pending == null) {
      complete(q);
    }
  }

  /** Where the findings of a model's live observation go: listeners, the comparison, or both. */
  private FindingSink liveSink(Binding b, int slot) {
    if (b.lane().shadow) {
      return slot >= 0 ? shadows.shadowSink(slot) : DROP;
    }
    return slot >= 0 ? shadows.activeSink(slot) : findings;
  }

  /** Replays held events into models that came back, and releases those of retired lanes. */
  private void settleHeld(ModelSet set) {
    shadows.ensure(set.comparisons().length);
    for (Binding b : set.bindings()) {
      if (!b.lane().hasHeld(index)) {
        continue;
      }
      if (b.state() == Binding.State.ACTIVE) {
        replay(b.lane(), b.model());
      } else if (b.state() == Binding.State.RETIRED) {
        PendingEvent p;
        while ((p = b.lane().poll(index)) != null) {
          heldTotal--;
          engine.countHeldReleased();
          release(p);
        }
      }
    }
  }

  /** Replayed events are not compared: the other version scored them in another pass. */
  private void replay(ModelLane lane, @Nullable DetectionModel model) {
    FindingSink sink = lane.shadow ? DROP : findings;
    PendingEvent p;
    while ((p = lane.poll(index)) != null) {
      heldTotal--;
      observe(model, p.queued.event(), sink);
      release(p);
    }
  }

  private void release(PendingEvent p) {
    if (--p.lanesPending == 0) {
      complete(p.queued);
    }
  }

  private void observe(@Nullable DetectionModel model, TelemetryEvent event, FindingSink sink) {
    if (model == null) {
      return;
    }
    try {
      model.observe(event, sink);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      engine.modelFailed(model, event, e);
    }
  }

  private void complete(QueuedEvent q) {
    latency.record(System.nanoTime() - q.acceptedNanos());
    scored.setRelease(scored.getPlain() + 1);
  }
}
