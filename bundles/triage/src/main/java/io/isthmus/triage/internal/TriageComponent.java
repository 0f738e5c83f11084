package io.isthmus.triage.internal;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertListener;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.store.AlertStore;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoreException;
import io.isthmus.api.store.StoredAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Triage as a service: receives every finding (pipeline threads only enqueue), and on its own
 * thread groups, enriches, scores, suppresses, persists and announces alerts.
 */
@Component(service = FindingListener.class, configurationPid = "io.isthmus.triage", property = "isthmus.listener=triage")
@Designate(ocd = TriageConfig.class)
public final class TriageComponent implements FindingListener {

  private static final Logger LOG = LoggerFactory.getLogger(TriageComponent.class);

  // In OSGi service order (highest ranking first): the audit log's listener records an alert before
  // governance decides on it.
  private volatile List<RankedListener> listeners = List.of();
  private final List<SuppressionRuleComponent> ruleComponents = new CopyOnWriteArrayList<>();
  private volatile List<SuppressionRule> rules = List.of();
  private volatile @Nullable AssetStore assetStore;
  private final TriageLoop loop;

  @Activate
  public TriageComponent(@Reference AlertStore alertStore, TriageConfig config) {
    TriageEngine engine = new TriageEngine(alertStore, this::asset, () -> rules, this::publish,
        config.window_minutes() * 60_000_000L, config.max_groups());
    FindingIntake intake = new FindingIntake(config.queue_capacity(), config.folded_groups());
    loop = new TriageLoop(intake, engine, config.batch_size());
    loop.start();
    LOG.info("triage: started (window {} min, queue {})", config.window_minutes(), config.queue_capacity());
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    loop.stop();
  }

  @Override
  public void onFinding(Finding finding) {
    loop.offer(finding);
  }

  TriageLoop loop() {
    return loop;
  }

  private Optional<Asset> asset(String ip) {
    AssetStore store = assetStore;
    if (store == null) {
      return Optional.empty();
    }
    try {
      return store.findByAddress(ip).map(StoredAsset::asset);
    } catch (StoreException e) {
      LOG.warn("triage: asset lookup for {} failed, alert raised without asset context: {}", ip, e.getMessage());
      return Optional.empty();
    }
  }

  private void publish(Alert alert, boolean raised) {
    for (RankedListener ranked : listeners) {
      AlertListener listener = ranked.listener();
      try {
        listener.onAlert(alert, raised);
      } catch (RuntimeException e) {
        LOG.warn("triage: alert listener {} failed on alert {}: {}", listener.getClass().getName(), alert.id(), e.toString());
      }
    }
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setAssetStore(AssetStore store) {
    assetStore = store;
  }

  void unsetAssetStore(AssetStore store) {
    if (assetStore == store) {
      assetStore = null;
    }
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  synchronized void addAlertListener(AlertListener listener, Map<String, Object> properties) {
    List<RankedListener> now = new ArrayList<>(listeners);
    now.add(RankedListener.of(listener, properties));
    now.sort(null);
    listeners = List.copyOf(now);
  }

  synchronized void removeAlertListener(AlertListener listener) {
    listeners = listeners.stream().filter(r -> r.listener() != listener).toList();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addSuppression(SuppressionRuleComponent rule) {
    ruleComponents.add(rule);
    refreshRules();
  }

  void removeSuppression(SuppressionRuleComponent rule) {
    ruleComponents.remove(rule);
    refreshRules();
  }

  private void refreshRules() {
    rules = ruleComponents.stream().map(SuppressionRuleComponent::rule).filter(Objects::nonNull).toList();
  }

  /** Suppression configurations that were rejected (each logged once when configured). */
  long rejectedRules() {
    return ruleComponents.stream().filter(r -> r.rejection() != null).count();
  }
}
