package io.isthmus.governance.internal;

import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernanceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the executor and the approval expiry on one thread of its own: every poll interval it
 * closes lapsed approval windows, then executes approved and due actions through the connectors.
 */
@Component(service = {}, immediate = true, configurationPid = "io.isthmus.governance")
public final class ExecutorComponent {

  private static final Logger LOG = LoggerFactory.getLogger(ExecutorComponent.class);

  private final List<EdrConnector> connectors = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService thread;

  @Activate
  public ExecutorComponent(@Reference GovernanceStore store, @Reference AuditLog audit, GovernanceConfig config) {
    Clock clock = Clock.systemUTC();
    Executor executor = new Executor(store, audit, clock, () -> connectors, new Executor.Backoff(config.maxAttempts(),
        Duration.ofSeconds(config.retryBaseSeconds()), Duration.ofSeconds(config.retryMaxSeconds())));
    thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "isthmus-governance-executor"));
    thread.execute(() -> {
      int recovered = executor.recover();
      if (recovered > 0) {
        LOG.warn("executor: {} action(s) were executing when Isthmus stopped; they will be retried", recovered);
      }
    });
    thread.scheduleWithFixedDelay(() -> {
      try {
        Approvals.expireDue(store, audit, clock);
        executor.runDue();
      } catch (RuntimeException e) {
        // The next round tries again; a failing store must not end the executor's thread.
        LOG.warn("executor round failed: {}", e.toString());
      }
    }, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    thread.shutdown();
    if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
      thread.shutdownNow();
    }
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindConnector(EdrConnector connector) {
    connectors.add(connector);
  }

  void unbindConnector(EdrConnector connector) {
    connectors.remove(connector);
  }
}
