package io.isthmus.bench.internal;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Publishes events at a steady rate until stopped. */
final class Publisher implements Runnable {
  private final EventChannel channel;
  private final TelemetryEvent[] events;
  private final long ratePerSecond;
  private final int offset;
  final AtomicLong sent = new AtomicLong();
  private volatile boolean running = true;

  Publisher(EventChannel channel, TelemetryEvent[] events, long ratePerSecond, int offset) {
    this.channel = channel;
    this.events = events;
    this.ratePerSecond = ratePerSecond;
    this.offset = offset;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    long count = 0;
    int i = offset;
    while (running) {
      long due = (System.nanoTime() - start) * ratePerSecond / 1_000_000_000L;
      if (count >= due) {
        LockSupport.parkNanos(50_000);
        continue;
      }
      long batchEnd = Math.min(due, count + 1_000);
      for (; count < batchEnd; count++) {
        channel.publish(events[i]);
        if (++i == events.length) {
          i = 0;
        }
      }
      sent.setRelease(count);
    }
    sent.set(count);
  }
}
