package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.pipeline.EventObserver;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ModelLifecycle;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.ShadowComparison;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * The pipeline service, and the lifecycle of its models. Models and finding listeners are
 * dynamic, greedy references: a model bundle that starts, stops or is updated changes the model
 * set without pausing ingest.
 */
@Component(service = {TelemetryPipeline.class, ModelLifecycle.class}, configurationPid = PipelineConfig.PID,
    immediate = true)
@Designate(ocd = PipelineConfig.class)
public final class PipelineComponent implements TelemetryPipeline, ModelLifecycle, BundleListener {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineComponent.class);
  private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

  private final ScoringEngine engine;
  private final PipelineConfig config;
  private volatile @Nullable BundleContext context;

  /** The context comes with the constructor: model references bind before {@link #activate}. */
  @Activate
  public PipelineComponent(PipelineConfig config, BundleContext context) {
    this.config = config;
    this.context = context;
    this.engine = new ScoringEngine(settingsOrDefaults(config));
    // before the model references bind, which restores their state
    Path dir = stateDir(config, context);
    if (dir == null) {
      LOG.warn("No directory for the models' learned state: it will not survive a restart");
    } else {
      engine.persistTo(new StateStore(dir), TimeUnit.SECONDS.toMillis(Math.max(0, config.state_save_interval_s())));
      LOG.info("Models' learned state is saved in {}", dir);
    }
  }

  /** The configured directory, else {@code <isthmus.data>/models}, else the bundle's data area. */
  static @Nullable Path stateDir(PipelineConfig config, BundleContext context) {
    if (!config.state_dir().isBlank()) {
      return Path.of(config.state_dir().trim());
    }
    String data = context.getProperty("isthmus.data");
    if (data != null && !data.isBlank()) {
      return Path.of(data.trim(), "models");
    }
    java.io.File area = context.getDataFile("models");
    return area == null ? null : area.toPath();
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
    boolean shadow = ROLE_SHADOW.equals(String.valueOf(reference.getProperty(ROLE_PROPERTY)));
    engine.registry().add(model, bundle == null ? null : () -> presence(bundle), shadow, origin(model, reference));
  }

  /**
   * Names the model instance across framework launches (see {@link StateStore}). The service id
   * alone is not enough: SCR disposes a delayed component nobody uses and makes a new instance
   * under the same registration, so the instance's identity hash is part of the name.
   */
  private String origin(DetectionModel model, ServiceReference<DetectionModel> reference) {
    BundleContext c = context;
    String framework = c == null ? null : c.getProperty("org.osgi.framework.uuid");
    return framework == null ? ""
        : framework + "/" + reference.getProperty("service.id") + "/" + Integer.toHexString(System.identityHashCode(model));
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

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addObserver(EventObserver observer) {
    engine.addObserver(observer);
  }

  void removeObserver(EventObserver observer) {
    engine.removeObserver(observer);
  }

  @Override
  public EventChannel openChannel(String sourceId, SourceKind kind) {
    return engine.openChannel(sourceId, kind);
  }

  @Override
  public PipelineStatus status() {
    return engine.status();
  }

  @Override
  public List<ModelInfo> models() {
    return engine.registry().roles().models();
  }

  @Override
  public Optional<ShadowComparison> comparison(String modelId) {
    return engine.registry().roles().comparison(modelId);
  }

  @Override
  public ModelInfo promote(String modelId) {
    return engine.registry().roles().promote(modelId);
  }

  @Override
  public ModelInfo rollback(String modelId) {
    return engine.registry().roles().rollback(modelId);
  }
}
