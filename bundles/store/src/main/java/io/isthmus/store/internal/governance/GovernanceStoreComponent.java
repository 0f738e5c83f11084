package io.isthmus.store.internal.governance;

import io.isthmus.api.connector.ConnectorResult;
import io.isthmus.api.governance.ActionState;
import io.isthmus.api.governance.Approval;
import io.isthmus.api.governance.ApprovalOutcome;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.PolicyPackFiles;
import io.isthmus.api.governance.RolloutSetting;
import io.isthmus.store.internal.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the governance store once its tables (area {@code governance}) are migrated. */
@Component(service = GovernanceStore.class)
public final class GovernanceStoreComponent implements GovernanceStore {

  private static final Logger LOG = LoggerFactory.getLogger(GovernanceStoreComponent.class);

  private final JdbcGovernanceStore store;

  @Activate
  public GovernanceStoreComponent(@Reference Database database) {
    int applied = database.migrate(JdbcGovernanceStore.AREA);
    LOG.info("governance store: {} schema migration(s) applied", applied);
    store = new JdbcGovernanceStore(database.dataSource());
  }

  @Override
  public GovernedAction propose(GovernedAction proposal) {
    return store.propose(proposal);
  }

  @Override
  public Optional<GovernedAction> find(String actionId) {
    return store.find(actionId);
  }

  @Override
  public List<GovernedAction> list(Set<ActionState> states, int limit) {
    return store.list(states, limit);
  }

  @Override
  public ApprovalOutcome addVerdict(Approval approval) {
    return store.addVerdict(approval);
  }

  @Override
  public List<GovernedAction> expire(Instant now) {
    return store.expire(now);
  }

  @Override
  public List<GovernedAction> due(Instant now, int limit) {
    return store.due(now, limit);
  }

  @Override
  public Optional<GovernedAction> claim(String actionId, Instant now) {
    return store.claim(actionId, now);
  }

  @Override
  public GovernedAction recordResult(String actionId, ConnectorResult result, ActionState next, @Nullable Instant retryAt) {
    return store.recordResult(actionId, result, next, retryAt);
  }

  @Override
  public int recoverInterrupted(Instant now) {
    return store.recoverInterrupted(now);
  }

  @Override
  public List<RolloutSetting> rolloutSettings() {
    return store.rolloutSettings();
  }

  @Override
  public void saveRollout(RolloutSetting setting) {
    store.saveRollout(setting);
  }

  @Override
  public void savePolicyPack(PolicyPackFiles pack) {
    store.savePolicyPack(pack);
  }

  @Override
  public Optional<PolicyPackFiles> policyPack(String bundle) {
    return store.policyPack(bundle);
  }

  @Override
  public void deletePolicyPack(String bundle) {
    store.deletePolicyPack(bundle);
  }
}
