package io.isthmus.api.pipeline;

/**
 * The service every source pushes its events into. It hands each event to every active
 * detection model, keeping the events of one device in order, and passes findings on to the
 * finding listeners.
 */
public interface TelemetryPipeline {

  /**
   * Opens a channel for a source. The backpressure is the kind's default unless the pipeline's
   * configuration names another for this source id.
   *
   * @param sourceId a stable id of the source, e.g. {@code pcap:plant-a.pcap} or {@code live:eth1}
   */
  EventChannel openChannel(String sourceId, SourceKind kind);

  /** A consistent-enough snapshot of the counters, for health and metrics. */
  PipelineStatus status();
}
