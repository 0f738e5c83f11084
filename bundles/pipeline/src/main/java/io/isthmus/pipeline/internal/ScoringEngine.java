package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.EventObserver;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring engine without OSGi: partitions, model registry, channels and counters. The DS
 * component {@link PipelineComponent} owns one and feeds it services.
 */
final class ScoringEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ScoringEngine.class);
  private static final long ERROR_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final EngineSettings settings;
  private final List<Partition> partitions;
  private final ModelRegistry registry;
  private final List<FindingListener> listeners = new CopyOnWriteArrayList<>();
  // An array read per event: cheaper than iterating a CopyOnWriteArrayList on the hot path.
  private volatile EventObserver[] observers = new EventObserver[0];
  private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> lastErrorLog = new ConcurrentHashMap<>();
  private final LongAdder accepted = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder findings = new LongAdder();
  private final LongAdder modelErrors = new LongAdder();
  private final LongAdder heldLost = new LongAdder();
  private final LongAdder heldReleased = new LongAdder();
  private final ScheduledExecutorService housekeeping;
  private volatile boolean running;
  private long saveIntervalMillis;

  ScoringEngine(EngineSettings settings) {
    this.settings = settings;
    List<Partition> list = new ArrayList<>();
    int heldPerPartition = Math.max(1, settings.heldEventsLimit() / settings.workers());
    for (int i = 0; i < settings.workers(); i++) {
      list.add(new Partition(i, settings.queueCapacity(), heldPerPartition, this));
    }
    this.partitions = Collections.unmodifiableList(list);
    this.registry = new ModelRegistry(settings.workers(), () -> partitions);
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "isthmus-pipeline-housekeeping");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Saves learned state in {@code store}: every {@code intervalMillis} (0: never periodically),
   * when an active model retires and when the engine stops; restores it when a model binds.
   * Call before {@link #start()}.
   */
  void persistTo(StateStore store, long intervalMillis) {
    registry.roles().useStore(store);
    this.saveIntervalMillis = intervalMillis;
  }

  void start() {
    running = true;
    for (Partition p : partitions) {
      p.start("isthmus-pipeline-" + p.index);
    }
    housekeeping.scheduleWithFixedDelay(this::expireParkedModels, 200, 200, TimeUnit.MILLISECONDS);
    if (saveIntervalMillis > 0) {
      housekeeping.scheduleWithFixedDelay(this::checkpoint, saveIntervalMillis, saveIntervalMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Saves the state of every active model now. */
  void checkpoint() {
    try {
      registry.roles().checkpoint();
    } catch (RuntimeException e) {
      LOG.warn("Saving the models' state failed: {}", e.toString());
    }
  }

  /** Stops accepting events, scores what is queued, and stops every thread the engine started. */
  void stop(long drainTimeoutMillis) throws InterruptedException {
    running = false;
    housekeeping.shutdownNow();
    long deadline = System.currentTimeMillis() + drainTimeoutMillis;
    for (Partition p : partitions) {
      p.wake();
      p.join(Math.max(1, deadline - System.currentTimeMillis()));
    }
    housekeeping.awaitTermination(1, TimeUnit.SECONDS);
    checkpoint();
    long left = queueDepth();
    if (left > 0) {
      LOG.warn("Pipeline stopped with {} events not scored (drain timeout {} ms)", left, drainTimeoutMillis);
    }
  }

  /** Retires parked models that will not come back; also called when a bundle goes. */
  void expireParkedModels() {
    try {
      registry.expire(TimeUnit.MILLISECONDS.toNanos(settings.swapGraceMillis()));
    } catch (RuntimeException e) {
      LOG.warn("Housekeeping of parked models failed: {}", e.toString());
    }
  }

  boolean isRunning() {
    return running;
  }

  ModelRegistry registry() {
    return registry;
  }

  EventChannel openChannel(String sourceId, SourceKind kind) {
    Channel channel = new Channel(sourceId, settings.backpressure().forSource(sourceId, kind), this);
    channels.add(channel);
    LOG.info("Source {} connected ({}, {})", sourceId, kind, channel.backpressure());
    return channel;
  }

  void closed(Channel channel) {
    channels.remove(channel);
  }

  Partition partitionFor(TelemetryEvent event) {
    int h = event.device().deviceKey().hashCode();
    h ^= h >>> 16;
    return partitions.get(Math.floorMod(h, partitions.size()));
  }

  void addListener(FindingListener listener) {
    listeners.add(listener);
  }

  void removeListener(FindingListener listener) {
    listeners.remove(listener);
  }

  synchronized void addObserver(EventObserver observer) {
    EventObserver[] now = Arrays.copyOf(observers, observers.length + 1);
    now[now.length - 1] = observer;
    observers = now;
  }

  synchronized void removeObserver(EventObserver observer) {
    observers = Arrays.stream(observers).filter(o -> o != observer).toArray(EventObserver[]::new);
  }

  void dispatchEvent(TelemetryEvent event) {
    for (EventObserver observer : observers) {
      try {
        observer.observe(event);
      } catch (RuntimeException | LinkageError e) {
        logRateLimited("observer:" + observer.getClass().getName(),
            "Event observer {} failed: {}", observer.getClass().getName(), e.toString());
      }
    }
  }

  void dispatchFinding(Finding finding) {
    findings.increment();
    for (FindingListener listener : listeners) {
      try {
        listener.onFinding(finding);
      } catch (RuntimeException | LinkageError e) {
        logRateLimited("listener:" + listener.getClass().getName(),
            "Finding listener {} failed: {}", listener.getClass().getName(), e.toString());
      }
    }
  }

  void modelFailed(DetectionModel model, TelemetryEvent event, Throwable error) {
    modelErrors.increment();
    String id;
    try {
      id = model.id();
    } catch (RuntimeException | LinkageError e) {
      id = model.getClass().getName();
    }
    logRateLimited("model:" + id, "Model {} failed on a {} {} event from {}: {}", id, event.protocol(),
        event.operation(), event.source(), error.toString());
  }

  private void logRateLimited(String key, String format, Object... args) {
    long now = System.nanoTime();
    Long last = lastErrorLog.get(key);
    if (last == null || now - last > ERROR_LOG_INTERVAL_NANOS) {
      lastErrorLog.put(key, now);
      LOG.warn(format + " (repeats are logged at most every 10 s)", args);
    }
  }

  void countAccepted() {
    accepted.increment();
  }

  void countDropped() {
    dropped.increment();
  }

  void countHeldLost() {
    heldLost.increment();
  }

  void countHeldReleased() {
    heldReleased.increment();
  }

  long heldLost() {
    return heldLost.sum();
  }

  private long queueDepth() {
    long depth = 0;
    for (Partition p : partitions) {
      depth += p.depth();
    }
    return depth;
  }

  PipelineStatus status() {
    long scored = 0;
    int capacity = 0;
    List<LatencyRecorder> recorders = new ArrayList<>();
    for (Partition p : partitions) {
      scored += p.scored.getAcquire();
      capacity += p.capacity();
      recorders.add(p.latency());
    }
    List<String> active = new ArrayList<>();
    List<String> parked = new ArrayList<>();
    for (Binding b : registry.current().bindings()) {
      if (b.lane().shadow) {
        continue; // a shadow raises nothing: see ModelLifecycle
      }
      switch (b.state()) {
        case ACTIVE -> active.add(b.label());
        case PARKED -> parked.add(b.label());
        case RETIRED -> { } // no longer holding events for a next version: neither active nor parked
      }
    }
    return new PipelineStatus(partitions.size(), capacity, queueDepth(), accepted.sum(), scored,
        dropped.sum(), findings.sum(), modelErrors.sum(), active, parked, LatencyRecorder.merge(recorders));
  }
}
