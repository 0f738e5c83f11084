package io.isthmus.api.pipeline;

import java.util.List;

/**
 * Counters and state of the pipeline at one moment.
 *
 * @param workers scoring threads
 * @param queueCapacity capacity of all partition queues together
 * @param queueDepth events waiting in the partition queues
 * @param eventsIn events accepted from all channels
 * @param eventsScored events handed to every model that was active for them
 * @param eventsDropped events not accepted (backpressure drop, closed channel)
 * @param findings findings emitted by models
 * @param modelErrors exceptions thrown by models (the event still counts as scored)
 * @param models the models now active, as {@code id@version}
 * @param parkedModels models whose bundle is being updated: their events are held, not lost
 * @param latency acceptance-to-scored latency since start
 */
public record PipelineStatus(
    int workers,
    int queueCapacity,
    long queueDepth,
    long eventsIn,
    long eventsScored,
    long eventsDropped,
    long findings,
    long modelErrors,
    List<String> models,
    List<String> parkedModels,
    LatencyHistogram latency) {

  public PipelineStatus {
    models = List.copyOf(models);
    parkedModels = List.copyOf(parkedModels);
  }
}
