package io.isthmus.health.internal;

import io.isthmus.api.pipeline.LatencyHistogram;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceStatus;
import java.util.List;
import java.util.function.ToLongFunction;
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
    sources(out, report.sources());
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    gauge(out, "jvm_memory_heap_used_bytes", "Heap in use.", heap.getUsed());
    gauge(out, "jvm_threads_live", "Live JVM threads.", ManagementFactory.getThreadMXBean().getThreadCount());
    return out.toString();
  }

  /** One family per counter, one labelled line per source. */
  private static void sources(StringBuilder out, List<SourceStatus> sources) {
    if (sources.isEmpty()) {
      return;
    }
    perSource(out, sources, "isthmus_source_up", "gauge", "1 while the source delivers, 0 when it failed or stopped.",
        s -> s.state() == SourceStatus.State.RUNNING ? 1 : 0);
    perSource(out, sources, "isthmus_source_packets_total", "counter", "Packets the source received.",
        SourceStatus::packets);
    perSource(out, sources, "isthmus_source_capture_dropped_total", "counter",
        "Packets the kernel dropped before the source saw them (buffer full).", SourceStatus::captureDropped);
    perSource(out, sources, "isthmus_source_interface_dropped_total", "counter",
        "Packets the network interface or its driver dropped.", SourceStatus::interfaceDropped);
    perSource(out, sources, "isthmus_source_events_total", "counter", "Events the source handed to the pipeline.",
        SourceStatus::events);
    perSource(out, sources, "isthmus_source_events_dropped_total", "counter",
        "Events of the source the pipeline did not accept (backpressure).", SourceStatus::eventsDropped);
    perSource(out, sources, "isthmus_source_malformed_total", "counter",
        "Malformed or anomalous packets and PDUs (weirds).", SourceStatus::malformed);
  }

  private static void perSource(StringBuilder out, List<SourceStatus> sources, String name, String type, String help,
      ToLongFunction<SourceStatus> value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    for (SourceStatus s : sources) {
      out.append(name).append("{source=\"").append(label(s.sourceId())).append("\",kind=\"").append(s.kind().name())
          .append("\",sensor=\"").append(label(s.sensor())).append("\"} ").append(value.applyAsLong(s)).append('\n');
    }
  }

  /** A label value as the exposition format wants it: backslash, quote and newline escaped. */
  static String label(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
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
