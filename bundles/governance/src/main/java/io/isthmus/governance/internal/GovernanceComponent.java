package io.isthmus.governance.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertListener;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.connector.EdrConnector;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.ApprovalOutcome;
import io.isthmus.api.governance.ApprovalQueue;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.RolloutControl;
import io.isthmus.api.store.AlertStore;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Proposes a governed response for every new alert (on its own thread: triage is never held up)
 * and serves the approval queue.
 */
@Component(service = {AlertListener.class, ApprovalQueue.class}, configurationPid = "io.isthmus.governance")
@Designate(ocd = GovernanceConfig.class)
public final class GovernanceComponent implements AlertListener, ApprovalQueue {

  private static final Logger LOG = LoggerFactory.getLogger(GovernanceComponent.class);

  private final List<EdrConnector> connectors = new CopyOnWriteArrayList<>();
  private volatile @Nullable AssetStore assets;
  private volatile @Nullable AlertStore alerts;
  private final Governor governor;
  private final Approvals approvals;
  private final ThreadPoolExecutor worker;
  private final String tenant;
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  @Activate
  public GovernanceComponent(@Reference PolicyExtender policies, @Reference RolloutControl rollout,
      @Reference GovernanceStore store, @Reference AuditLog audit, GovernanceConfig config) {
    tenant = config.tenant();
    governor = new Governor(policies.engine(), rollout, store, audit, Clock.systemUTC(), () -> connectors);
    approvals = new Approvals(store, audit, Clock.systemUTC(), governor, this::alert, this::asset);
    worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.queueCapacity()),
        r -> new Thread(r, "isthmus-governance-proposals"));
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    worker.shutdown();
    if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("governance: {} alert(s) left without a proposal at shutdown", worker.shutdownNow().size());
    }
  }

  @Override
  public void onAlert(Alert alert, boolean raised) {
    if (!raised || alert.state() != Alert.State.OPEN) {
      return;
    }
    try {
      worker.execute(() -> {
        try {
          GovernedAction g = governor.propose(alert, asset(alert), tenant);
          LOG.info("alert {}: proposed {} on {} -> {} ({})", alert.id(), g.action().kind(), g.action().target(),
              g.decision().outcome(), g.decision().policyId());
        } catch (RuntimeException e) {
          LOG.warn("alert {}: no response proposed ({} so far): {}", alert.id(), failed.incrementAndGet(), e.toString());
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.warn("alert {}: proposal queue full, {} alert(s) rejected so far", alert.id(), rejected.incrementAndGet());
    }
  }

  private @Nullable Asset asset(Alert alert) {
    AssetStore store = assets;
    if (store == null) {
      return null;
    }
    try {
      Optional<StoredAsset> found = alert.assetId() != null ? store.findById(alert.assetId()) : Optional.empty();
      return found.or(() -> store.findByAddress(alert.device())).map(StoredAsset::asset).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("asset of alert {} not read, deciding without it: {}", alert.id(), e.toString());
      return null;
    }
  }

  private @Nullable Alert alert(String id) {
    AlertStore store = alerts;
    return store == null ? null : store.findById(id).orElse(null);
  }

  @Override
  public List<GovernedAction> list(Set<ActionState> states, int limit) {
    return approvals.list(states, limit);
  }

  @Override
  public Optional<GovernedAction> find(String actionId) {
    return approvals.find(actionId);
  }

  @Override
  public ApprovalOutcome decide(String actionId, String user, Set<String> roles, Approval.Verdict verdict, String comment) {
    return approvals.decide(actionId, user, roles, verdict, comment);
  }

  @Override
  public GovernedAction requestRollback(String actionId, String user, String reason) {
    return approvals.requestRollback(actionId, user, reason);
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindConnector(EdrConnector connector) {
    connectors.add(connector);
  }

  void unbindConnector(EdrConnector connector) {
    connectors.remove(connector);
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindAssets(AssetStore store) {
    assets = store;
  }

  void unbindAssets(AssetStore store) {
    if (assets == store) {
      assets = null;
    }
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void bindAlerts(AlertStore store) {
    alerts = store;
  }

  void unbindAlerts(AlertStore store) {
    if (alerts == store) {
      alerts = null;
    }
  }
}
