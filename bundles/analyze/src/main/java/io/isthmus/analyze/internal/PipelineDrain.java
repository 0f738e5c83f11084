package io.isthmus.analyze.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Waits on the pipeline's counters: for the models to be active, and for every event to be scored. */
final class PipelineDrain {
  private static final long POLL_MILLIS = 5;
  private static final long MODELS_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** Scoring that makes no progress for this long has stopped; waiting longer would hang the command. */
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final TelemetryPipeline pipeline;

  PipelineDrain(TelemetryPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * The pipeline binds models on its own: waits until it lists each of {@code models}, so no
   * event of the first file is scored without them.
   */
  void awaitModels(List<DetectionModel> models) throws AnalyzeRun.Failure, InterruptedException {
    long deadline = System.nanoTime() + MODELS_TIMEOUT_NANOS;
    while (true) {
      List<String> active = pipeline.status().models();
      List<String> missing = models.stream().map(m -> m.id() + "@" + m.version()).filter(m -> !active.contains(m)).toList();
      if (missing.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AnalyzeRun.Failure(AnalyzeRun.FAILED, "the pipeline did not take up the models " + missing);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** Waits until every event accepted so far has been scored, so its findings have been delivered. */
  void await() throws AnalyzeRun.Failure, InterruptedException {
    long lastScored = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      PipelineStatus s = pipeline.status();
      if (s.eventsScored() >= s.eventsIn()) {
        return;
      }
      long now = System.nanoTime();
      if (s.eventsScored() != lastScored) {
        lastScored = s.eventsScored();
        lastProgress = now;
      } else if (now - lastProgress > STALL_NANOS) {
        throw new AnalyzeRun.Failure(AnalyzeRun.FAILED, String.format("the pipeline stopped scoring: %d of %d events scored",
            s.eventsScored(), s.eventsIn()));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
