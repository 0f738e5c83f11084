package io.isthmus.analyze.internal;

import io.isthmus.api.decode.CaptureService;
import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.PrintStream;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code isthmus analyze} inside the framework. Registered under a JDK type so the launcher,
 * outside the framework, can call it with an {@link AnalyzeRequest} map; returns the exit code.
 * Uses the detection models registered when it is called.
 */
@Component(service = Function.class, property = AnalyzeService.PROPERTY + "=analyze")
public final class AnalyzeService implements Function<Map<String, Object>, Integer> {
  static final String PROPERTY = "isthmus.command";

  private final BundleContext context;
  private final TelemetryPipeline pipeline;
  private final CaptureService captures;
  private final List<DetectionModel> models = new CopyOnWriteArrayList<>();

  @Activate
  public AnalyzeService(BundleContext context, @Reference TelemetryPipeline pipeline, @Reference CaptureService captures) {
    this.context = context;
    this.pipeline = pipeline;
    this.captures = captures;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addModel(DetectionModel model) {
    models.add(model);
  }

  void removeModel(DetectionModel model) {
    models.remove(model);
  }

  @Override
  public Integer apply(Map<String, Object> params) {
    AnalyzeRequest request;
    try {
      request = AnalyzeRequest.from(params);
    } catch (RuntimeException e) {
      Object err = params.get("err");
      (err instanceof PrintStream p ? p : System.err).println("isthmus: bad analyze request: " + e.getMessage());
      return AnalyzeRun.USAGE;
    }
    return new AnalyzeRun(request, pipeline, captures, List.copyOf(models), this::register).run();
  }

  /** The pipeline binds finding listeners dynamically: this one receives findings until closed. */
  private AutoCloseable register(FindingListener listener) {
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put("isthmus.listener", "analyze");
    ServiceRegistration<FindingListener> registration = context.registerService(FindingListener.class, listener, properties);
    return registration::unregister;
  }
}
