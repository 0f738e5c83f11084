package io.isthmus.discovery.internal;

import io.isthmus.api.decode.CaptureService;
import io.isthmus.api.pipeline.EventObserver;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.PrintStream;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code isthmus discover} inside the framework: replays captures through the pipeline, prints the
 * devices they show and has the discovery observer store them. Registered under a JDK type so the
 * launcher, outside the framework, can call it; returns the exit code.
 */
@Component(service = Function.class, property = DiscoverService.PROPERTY + "=discover")
public final class DiscoverService implements Function<Map<String, Object>, Integer> {
  static final String PROPERTY = "isthmus.command";

  private final TelemetryPipeline pipeline;
  private final CaptureService captures;
  private final DiscoveryObserver discovery;
  private final Function<EventObserver, AutoCloseable> register;

  @Activate
  public DiscoverService(BundleContext context, @Reference TelemetryPipeline pipeline,
      @Reference CaptureService captures, @Reference DiscoveryObserver discovery) {
    this(pipeline, captures, discovery, observer -> register(context, observer));
  }

  /** @param register has the pipeline hand events to an observer until the returned handle is closed */
  DiscoverService(TelemetryPipeline pipeline, CaptureService captures, DiscoveryObserver discovery,
      Function<EventObserver, AutoCloseable> register) {
    this.pipeline = pipeline;
    this.captures = captures;
    this.discovery = discovery;
    this.register = register;
  }

  @Override
  public Integer apply(Map<String, Object> params) {
    DiscoverRequest request;
    try {
      request = DiscoverRequest.from(params);
    } catch (RuntimeException e) {
      Object err = params.get("err");
      (err instanceof PrintStream p ? p : System.err).println("isthmus: bad discover request: " + e.getMessage());
      return DiscoverRun.USAGE;
    }
    return new DiscoverRun(request, pipeline, captures, discovery, register).run();
  }

  /** The pipeline binds observers dynamically: this one sees the events until closed. */
  private static AutoCloseable register(BundleContext context, EventObserver observer) {
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put("isthmus.observer", "discover");
    ServiceRegistration<EventObserver> registration = context.registerService(EventObserver.class, observer, properties);
    return registration::unregister;
  }
}
