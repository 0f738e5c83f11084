package io.isthmus.pipeline.internal;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.EventChannel;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/** A source's channel into the engine, applying its backpressure policy. */
final class Channel implements EventChannel {
  private final String sourceId;
  private final Backpressure backpressure;
  private final ScoringEngine engine;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private volatile boolean closed;

  Channel(String sourceId, Backpressure backpressure, ScoringEngine engine) {
    this.sourceId = sourceId;
    this.backpressure = backpressure;
    this.engine = engine;
  }

  @Override
  public String sourceId() {
    return sourceId;
  }

  @Override
  public Backpressure backpressure() {
    return backpressure;
  }

  @Override
  public boolean publish(TelemetryEvent event) {
    if (closed || !engine.isRunning()) {
      return reject();
    }
    Partition partition = engine.partitionFor(event);
    if (partition.offer(new QueuedEvent(event, System.nanoTime()))) {
      return accept();
    }
    if (backpressure == Backpressure.DROP) {
      return reject();
    }
    for (int attempt = 0; ; attempt++) {
      if (closed || !engine.isRunning()) {
        return reject();
      }
      if (Thread.currentThread().isInterrupted()) {
        return reject();
      }
      backOff(attempt);
      // Stamped again so the latency histogram measures scoring, not the publisher's wait.
      if (partition.offer(new QueuedEvent(event, System.nanoTime()))) {
        return accept();
      }
    }
  }

  private static void backOff(int attempt) {
    if (attempt < 64) {
      Thread.onSpinWait();
    } else if (attempt < 128) {
      Thread.yield();
    } else {
      LockSupport.parkNanos(20_000);
    }
  }

  private boolean accept() {
    accepted.increment();
    engine.countAccepted();
    return true;
  }

  private boolean reject() {
    dropped.increment();
    engine.countDropped();
    return false;
  }

  @Override
  public long accepted() {
    return accepted.sum();
  }

  @Override
  public long dropped() {
    return dropped.sum();
  }

  @Override
  public void close() {
    closed = true;
    engine.closed(this);
  }
}
