package io.isthmus.it;

import io.isthmus.api.pipeline.EventChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes a continuous stream of Modbus requests on its own thread: device {@code i % devices}
 * gets the i-th event, and every device moves on to a new operation ({@code OP_<k>}) every
 * {@code eventsPerOperation} of its events, so a model that flags new operations keeps finding
 * some. Paced at about {@code burst} events per millisecond.
 */
final class EventPublisher implements AutoCloseable {
  private final EventChannel channel;
  private final int devices;
  private final int eventsPerOperation;
  private final int burst;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long published;
  private volatile Throwable failure;

  EventPublisher(EventChannel channel, int devices, int eventsPerOperation, int burst) {
    this.channel = channel;
    this.devices = devices;
    this.eventsPerOperation = eventsPerOperation;
    this.burst = burst;
    this.thread = new Thread(this::run, "isthmus-it-publisher");
    thread.setDaemon(true);
  }

  EventPublisher start() {
    thread.start();
    return this;
  }

  private void run() {
    long seq = 0;
    try {
      while (running) {
        for (int i = 0; i < burst; i++, seq++) {
          int device = (int) (seq % devices);
          long nth = seq / devices;
          if (!channel.publish(IsthmusTestSupport.event(device, "OP_" + nth / eventsPerOperation))) {
            throw new AssertionError("the channel did not accept event " + seq + " (dropped " + channel.dropped() + ")");
          }
        }
        published = seq;
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    } catch (Throwable t) {
      failure = t;
    }
  }

  long published() {
    return published;
  }

  /** Stops the stream and waits for the thread; rethrows what went wrong on it. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(TimeUnit.SECONDS.toMillis(30));
    if (thread.isAlive()) {
      throw new AssertionError("publisher thread did not stop");
    }
    if (failure != null) {
      throw new AssertionError("publisher failed: " + failure, failure);
    }
  }
}
