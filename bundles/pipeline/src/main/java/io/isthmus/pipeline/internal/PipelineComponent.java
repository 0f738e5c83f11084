package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline service. Models and finding listeners are dynamic, greedy references: a model
 * bundle that starts, stops or is updated changes the model set without pausing ingest.
 */
@Component(service = TelemetryPipeline.class, configurationPid = PipelineConfig.PID, immediate = true)
@Designate(ocd = PipelineConfig.class)
public final class PipelineComponent implements TelemetryPipeline, BundleListener {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineComponent.class);
  private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

  private final ScoringEngine engine;
  private volatile @Nullable BundleContext context;

  @Activate
  public PipelineComponent(PipelineConfig config) {
    this.engine = new ScoringEngine(settingsOrDefaults(config));
  }

  private static EngineSettings settingsOrDefaults(PipelineConfig config) {
    try {
      return EngineSettings.from(config);
    } catch (IllegalArgumentException e) {
      LOG.error("Configuration {} rejected: {}; using the defaults", PipelineConfig.PID, e.getMessage());
      return EngineSettings.from(Defaults.of(PipelineConfig.class));
    }
  }

  @Activate
  void activate(BundleContext context) {
    this.context = context;
    context.addBundleListener(this);
    engine.start();
    PipelineStatus s = engine.status();
    LOG.info("Pipeline scoring on {} workers, {} queued events at most", s.workers(), s.queueCapacity());
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    BundleContext c = context;
    if (c != null) {
      c.removeBundleListener(this);
    }
    engine.stop(DRAIN_TIMEOUT_MILLIS);
    PipelineStatus s = engine.status();
    LOG.info("Pipeline stopped: {} events in, {} scored, {} dropped, {} findings",
        s.eventsIn(), s.eventsScored(), s.eventsDropped(), s.findings());
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addModel(DetectionModel model, ServiceReference<DetectionModel> reference) {
    Bundle bundle = reference.getBundle();
    engine.registry().add(model, bundle == null ? null : () -> presence(bundle));
  }

  private static Presence presence(Bundle bundle) {
    return switch (bundle.getState()) {
      case Bundle.UNINSTALLED -> Presence.GONE;
      case Bundle.INSTALLED, Bundle.RESOLVED -> Presence.STOPPED;
      default -> Presence.PRESENT;
    };
  }

  /** An uninstalled model bundle brings no next version: release its held events now. */
  @Override
  public void bundleChanged(BundleEvent event) {
    if (event.getType() == BundleEvent.UNINSTALLED) {
      engine.expireParkedModels();
    }
  }

  void removeModel(DetectionModel model) {
    engine.registry().remove(model);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addListener(FindingListener listener) {
    engine.addListener(listener);
  }

  void removeListener(FindingListener listener) {
    engine.removeListener(listener);
  }

  @Override
  public EventChannel openChannel(String sourceId, SourceKind kind) {
    return engine.openChannel(sourceId, kind);
  }

  @Override
  public PipelineStatus status() {
    return engine.status();
  }
}
