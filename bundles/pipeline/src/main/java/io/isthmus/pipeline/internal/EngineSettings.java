package io.isthmus.pipeline.internal;

/** The engine's settings, validated from {@link PipelineConfig}. */
record EngineSettings(int workers, int queueCapacity, BackpressurePolicy backpressure, long swapGraceMillis, int heldEventsLimit) {

  static EngineSettings from(PipelineConfig config) {
    if (config.workers() < 0) {
      throw new IllegalArgumentException("workers must be 0 (one per core) or more, not " + config.workers());
    }
    if (config.queue_capacity() < 1024) {
      throw new IllegalArgumentException("queue.capacity must be at least 1024, not " + config.queue_capacity());
    }
    if (config.swap_grace_ms() < 0) {
      throw new IllegalArgumentException("swap.grace.ms must not be negative");
    }
    int workers = config.workers() == 0 ? Runtime.getRuntime().availableProcessors() : config.workers();
    return new EngineSettings(workers, config.queue_capacity(), BackpressurePolicy.parse(config.backpressure()),
        config.swap_grace_ms(), Math.max(0, config.held_events_limit()));
  }
}
