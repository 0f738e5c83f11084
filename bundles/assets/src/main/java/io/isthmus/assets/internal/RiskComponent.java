package io.isthmus.assets.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.pipeline.TelemetryPipeline;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.vuln.VulnerabilityCatalog;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
 * Counts the pipeline's findings per device and recomputes every asset's risk score on a thread of its
 * own. Active only where a pipeline runs (the runtime), not in 'isthmus assets'.
 */
@Component(service = FindingListener.class, property = "isthmus.listener=assets-risk",
    configurationPid = "io.isthmus.assets.risk",
    reference = @Reference(name = "pipeline", service = TelemetryPipeline.class))
@Designate(ocd = RiskConfig.class)
public final class RiskComponent implements FindingListener {

  private static final Logger LOG = LoggerFactory.getLogger(RiskComponent.class);

  private final AssetStore store;
  private final RecentFindings findings = new RecentFindings(Clock.systemUTC());
  private final ScheduledExecutorService scheduler;
  private volatile @Nullable VulnerabilityCatalog catalog;
  private long droppedReported;

  @Activate
  public RiskComponent(@Reference AssetStore store, RiskConfig config) {
    this.store = store;
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "isthmus-assets-risk");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(this::recompute, Math.max(0, config.initialDelaySeconds()),
        Math.max(10, config.intervalSeconds()), TimeUnit.SECONDS);
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setCatalog(VulnerabilityCatalog catalog) {
    this.catalog = catalog;
  }

  void unsetCatalog(VulnerabilityCatalog catalog) {
    if (this.catalog == catalog) {
      this.catalog = null;
    }
  }

  @Override
  public void onFinding(Finding finding) {
    findings.record(finding);
  }

  void recompute() {
    try {
      findings.prune();
      long started = System.nanoTime();
      int changed = RiskRecompute.run(store, catalog, findings);
      LOG.debug("risk: {} score(s) changed in {} ms", changed, (System.nanoTime() - started) / 1_000_000);
      long dropped = findings.dropped();
      if (dropped > droppedReported) {
        LOG.warn("risk: {} finding(s) not counted: more than {} devices had findings in 24 h",
            dropped - droppedReported, RecentFindings.MAX_DEVICES);
        droppedReported = dropped;
      }
    } catch (RuntimeException e) {
      // A failing database must not end the schedule: the next run tries again.
      LOG.warn("risk recomputation failed: {}", e.toString());
    }
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    scheduler.shutdownNow();
    if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("risk recomputation still running 10 s after stop");
    }
  }
}
