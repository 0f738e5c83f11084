package io.isthmus.capture.internal.live;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/** A pipeline that keeps what a source publishes, dropping beyond a capacity as a LIVE channel does. */
final class CollectingPipeline implements TelemetryPipeline {
  final BlockingQueue<TelemetryEvent> events;
  final List<String> opened = new ArrayList<>();
  final AtomicLong dropped = new AtomicLong();
  volatile boolean closed;

  CollectingPipeline(int capacity) {
    this.events = new ArrayBlockingQueue<>(capacity);
  }

  @Override
  public synchronized EventChannel openChannel(String sourceId, SourceKind kind) {
    opened.add(sourceId + " " + kind);
    return new EventChannel() {
      @Override
      public String sourceId() {
        return sourceId;
      }

      @Override
      public Backpressure backpressure() {
        return kind.defaultBackpressure();
      }

      @Override
      public boolean publish(TelemetryEvent event) {
        if (!closed && events.offer(event)) {
          return true;
        }
        dropped.incrementAndGet();
        return false;
      }

      @Override
      public long accepted() {
        return events.size();
      }

      @Override
      public long dropped() {
        return dropped.get();
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }

  @Override
  public PipelineStatus status() {
    throw new UnsupportedOperationException();
  }
}
