package io.isthmus.api.pipeline;

import io.isthmus.api.event.TelemetryEvent;

/**
 * A source's handle on the pipeline, from {@link TelemetryPipeline#openChannel}. Thread-safe;
 * close it when the source stops.
 */
public interface EventChannel extends AutoCloseable {

  /** The source id the channel was opened with. */
  String sourceId();

  /** The backpressure in force for this channel (the source kind's default unless configured). */
  Backpressure backpressure();

  /**
   * Hands one event to the pipeline. A {@link Backpressure#BLOCK} channel waits for room; a
   * {@link Backpressure#DROP} channel drops the event when its partition is full. Returns
   * {@code false} when the event was not accepted (dropped, channel closed, or the waiting
   * thread interrupted — its interrupt flag is then set again); every such event is counted.
   */
  boolean publish(TelemetryEvent event);

  /** Events accepted from this channel. */
  long accepted();

  /** Events of this channel that were not accepted. */
  long dropped();

  /** Stops accepting events; events already accepted are still scored. */
  @Override
  void close();
}
