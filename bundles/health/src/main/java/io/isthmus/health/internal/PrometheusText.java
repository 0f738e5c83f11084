package io.isthmus.health.internal;

import io.isthmus.api.pipeline.LatencyHistogram;
import io.isthmus.api.pipeline.PipelineStatus;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/** Renders a health report as Prometheus text. */
final class PrometheusText {
  /** Histogram bounds exposed, in seconds: a subset of the pipeline's finer buckets. */
  private static final double[] BOUNDS = {1e-5, 5e-5, 1e-4, 5e-4, 1e-3, 5e-3, 1e-2, 5e-2, 0.1, 0.5, 1, 5};

  private PrometheusText() {}

  static String render(HealthService.Report report) {
    StringBuilder out = new StringBuilder(2048);
    gauge(out, "isthmus_up", "1 when the pipeline is scoring, 0 when it is down.",
        report.status() == HealthService.Status.DOWN ? 0 : 1);
    gauge(out, "isthmus_bundles_active", "Bundles in the ACTIVE state.", report.bundlesActive());
    gauge(out, "isthmus_bundles_total", "Bundles installed.", report.bundlesTotal());
    gauge(out, "isthmus_problems", "Failed bundles and components, rejected deploy files and configuration values.",
        report.problems());
    PipelineStatus p = report.pipeline();
    if (p != null) {
      counter(out, "isthmus_pipeline_events_in_total", "Events accepted from all sources.", p.eventsIn());
      counter(out, "isthmus_pipeline_events_scored_total", "Events scored by every active model.", p.eventsScored());
      counter(out, "isthmus_pipeline_events_dropped_total", "Events not accepted (backpressure, closed source).",
          p.eventsDropped());
      counter(out, "isthmus_pipeline_findings_total", "Findings emitted by models.", p.findings());
      counter(out, "isthmus_pipeline_model_errors_total", "Exceptions thrown by models.", p.modelErrors());
      gauge(out, "isthmus_pipeline_queue_depth", "Events waiting to be scored.", p.queueDepth());
      gauge(out, "isthmus_pipeline_queue_capacity", "Capacity of all partition queues.", p.queueCapacity());
      gauge(out, "isthmus_pipeline_workers", "Scoring threads.", p.workers());
      gauge(out, "isthmus_pipeline_models_active", "Detection models scoring.", p.models().size());
      gauge(out, "isthmus_pipeline_models_parked", "Models being swapped, their events held.", p.parkedModels().size());
      histogram(out, p.latency());
    }
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    gauge(out, "jvm_memory_heap_used_bytes", "Heap in use.", heap.getUsed());
    gauge(out, "jvm_threads_live", "Live JVM threads.", ManagementFactory.getThreadMXBean().getThreadCount());
    return out.toString();
  }

  private static void histogram(StringBuilder out, LatencyHistogram h) {
    String name = "isthmus_pipeline_latency_seconds";
    out.append("# HELP ").append(name).append(" Time from an event's acceptance to the end of its scoring.\n");
    out.append("# TYPE ").append(name).append(" histogram\n");
    long[] counts = h.counts();
    long cumulative = 0;
    int bucket = 0;
    double sumSeconds = 0;
    for (double bound : BOUNDS) {
      long boundNanos = (long) (bound * 1e9);
      while (bucket < counts.length && LatencyHistogram.upperBoundNanos(bucket) <= boundNanos) {
        cumulative += counts[bucket];
        sumSeconds += counts[bucket] * LatencyHistogram.upperBoundNanos(bucket) / 1e9;
        bucket++;
      }
      out.append(name).append("_bucket{le=\"").append(format(bound)).append("\"} ").append(cumulative).append('\n');
    }
    for (; bucket < counts.length; bucket++) {
      cumulative += counts[bucket];
      sumSeconds += counts[bucket] * LatencyHistogram.upperBoundNanos(bucket) / 1e9;
    }
    out.append(name).append("_bucket{le=\"+Inf\"} ").append(cumulative).append('\n');
    // Bucket upper bounds stand in for exact values: the sum is an upper estimate within 19%.
    out.append(name).append("_sum ").append(format(sumSeconds)).append('\n');
    out.append(name).append("_count ").append(cumulative).append('\n');
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    metric(out, name, help, "gauge", value);
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    metric(out, name, help, "counter", value);
  }

  private static void metric(StringBuilder out, String name, String help, String type, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    out.append(name).append(' ').append(value).append('\n');
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%s", v);
  }
}
