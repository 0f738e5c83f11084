package io.isthmus.health.internal;

import io.isthmus.api.pipeline.MonitoredSource;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.SourceStatus;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Assembles the health report from the framework, SCR, the problem board and the pipeline. */
@Component(service = HealthService.class)
public final class HealthService {

  /** Overall state: UP, DEGRADED (something failed but scoring runs) or DOWN (no pipeline). */
  enum Status { UP, DEGRADED, DOWN }

  record Report(Status status, Map<String, Object> json, @Nullable PipelineStatus pipeline, int bundlesActive,
      int bundlesTotal, int problems, List<SourceStatus> sources) {}

  private final BundleContext context;
  private final ProblemBoard board;
  private final ServiceComponentRuntime scr;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile @Nullable TelemetryPipeline pipeline;

  /** Sources that report their counters (live captures, brokers); replaced by SCR as they come and go. */
  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile List<MonitoredSource> sources = List.of();

  @Activate
  public HealthService(BundleContext context, @Reference ProblemBoard board, @Reference ServiceComponentRuntime scr) {
    this.context = context;
    this.board = board;
    this.scr = scr;
  }

  Report report() {
    BundleDiagnostics.Summary bundles = BundleDiagnostics.summarize(context, board.startErrors());
    List<Problem> components = failedComponents();
    List<Problem> deploy = board.rejected("deploy");
    List<Problem> config = board.rejected("config");
    TelemetryPipeline p = pipeline;
    PipelineStatus ps = p == null ? null : p.status();
    List<SourceStatus> sourceStatuses = statuses(sources);
    int failedSources = (int) sourceStatuses.stream().filter(x -> x.state() == SourceStatus.State.FAILED).count();
    int problems = bundles.failed().size() + components.size() + deploy.size() + config.size() + failedSources;
    Status status = ps == null ? Status.DOWN : problems > 0 ? Status.DEGRADED : Status.UP;

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", status.name());
    json.put("version", context.getBundle().getVersion().toString());
    json.put("uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime());
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("active", bundles.active());
    b.put("total", bundles.total());
    b.put("failed", toJson(bundles.failed()));
    json.put("bundles", b);
    json.put("components", Map.of("failed", toJson(components)));
    json.put("deploy", Map.of("rejected", toJson(deploy)));
    json.put("config", Map.of("rejected", toJson(config)));
    json.put("pipeline", ps == null ? Map.of("status", "DOWN", "reason", "the pipeline service is not running") : pipelineJson(ps));
    json.put("sources", sourcesJson(sourceStatuses));
    return new Report(status, json, ps, bundles.active(), bundles.total(), problems, sourceStatuses);
  }

  /** Asks each source; one whose status call throws is listed as failed with the exception. */
  static List<SourceStatus> statuses(List<MonitoredSource> sources) {
    List<SourceStatus> out = new ArrayList<>();
    for (MonitoredSource s : sources) {
      try {
        out.add(s.sourceStatus());
      } catch (RuntimeException e) {
        out.add(new SourceStatus(s.getClass().getName(), SourceKind.LIVE, "", SourceStatus.State.FAILED,
            "its status could not be read: " + e, 0, 0, 0, 0, 0, 0));
      }
    }
    out.sort(Comparator.comparing(SourceStatus::sourceId));
    return out;
  }

  static List<Map<String, Object>> sourcesJson(List<SourceStatus> sources) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SourceStatus s : sources) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("source", s.sourceId());
      json.put("kind", s.kind().name());
      json.put("sensor", s.sensor());
      json.put("state", s.state().name());
      if (s.problem() != null) {
        json.put("reason", s.problem());
      }
      json.put("packets", s.packets());
      json.put("capture_dropped", s.captureDropped());
      json.put("interface_dropped", s.interfaceDropped());
      json.put("events", s.events());
      json.put("events_dropped", s.eventsDropped());
      json.put("malformed", s.malformed());
      out.add(json);
    }
    return out;
  }

  private List<Problem> failedComponents() {
    List<Problem> out = new ArrayList<>();
    for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
      for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
        if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("bundle", d.bundle.symbolicName);
          details.put("state", "FAILED_ACTIVATION");
          out.add(new Problem("component", d.name, c.failure == null ? "activation failed" : rootCause(c.failure), details));
        }
      }
    }
    return out;
  }

  /** SCR's failure text is a stack trace; its root cause (the last "Caused by:") says what went wrong. */
  static String rootCause(String failure) {
    String reason = null;
    for (String line : failure.split("\n")) {
      String t = line.trim();
      if (reason == null && !t.isEmpty()) {
        reason = t;
      }
      if (t.startsWith("Caused by: ")) {
        reason = t.substring("Caused by: ".length());
      }
    }
    return reason == null ? "activation failed" : reason;
  }

  private static List<Map<String, Object>> toJson(List<Problem> problems) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Problem p : problems) {
      out.add(p.toJson());
    }
    return out;
  }

  private static Map<String, Object> pipelineJson(PipelineStatus s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("status", "UP");
    p.put("workers", s.workers());
    p.put("queue_depth", s.queueDepth());
    p.put("queue_capacity", s.queueCapacity());
    p.put("events_in", s.eventsIn());
    p.put("events_scored", s.eventsScored());
    p.put("events_dropped", s.eventsDropped());
    p.put("findings", s.findings());
    p.put("model_errors", s.modelErrors());
    p.put("models", s.models());
    p.put("parked_models", s.parkedModels());
    p.put("latency_p99_ms", s.latency().quantileNanos(0.99) / 1e6);
    return p;
  }
}
