package io.isthmus.api.governance;

import io.isthmus.api.connector.ConnectorResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Durable record of governed actions: each proposal is stored with its decision in one
 * transaction, and every later change is a conditional update, so concurrent approvers, expiry and
 * executors cannot both win, and a restart loses nothing. Methods throw
 * {@link io.isthmus.api.store.StoreException} when the database fails.
 */
@ProviderType
public interface GovernanceStore {

  /**
   * Stores a new action with its decision.
   *
   * @throws IllegalArgumentException if an action with that id exists or the state is not an
   *     initial one ({@code PENDING_APPROVAL}, {@code APPROVED}, {@code DENIED}, {@code NOTIFIED})
   */
  GovernedAction propose(GovernedAction proposal);

  Optional<GovernedAction> find(String actionId);

  /** Actions in any of {@code states} (all if empty), newest first, at most {@code limit}. */
  List<GovernedAction> list(Set<ActionState> states, int limit);

  /**
   * Records one verdict if the action is pending and not expired at {@code approval.at()}, the
   * approver did not request it and has not given a verdict yet. The verdict that completes the
   * required approvals moves the action to {@code APPROVED}; a rejection moves it to
   * {@code REJECTED}. Role checks are the caller's.
   */
  ApprovalOutcome addVerdict(Approval approval);

  /** Moves every pending action whose approval window closed by {@code now} to {@code EXPIRED}; returns them. */
  List<GovernedAction> expire(Instant now);

  /** {@code APPROVED} actions and {@code RETRY} actions due by {@code now}, oldest first. */
  List<GovernedAction> due(Instant now, int limit);

  /**
   * Takes an action for execution: moves it to {@code EXECUTING} and counts the attempt, only if
   * it is {@code APPROVED} or a due {@code RETRY}, and its decision is {@code AUTO_EXECUTE} or a
   * {@code REQUIRE_APPROVAL} whose stored approvals suffice. Empty if any of that fails.
   */
  Optional<GovernedAction> claim(String actionId, Instant now);

  /**
   * Records a connector result of an {@code EXECUTING} action and moves it to {@code next}
   * ({@code SUCCEEDED}, {@code FAILED} or {@code RETRY} with {@code retryAt}).
   */
  GovernedAction recordResult(String actionId, ConnectorResult result, ActionState next, @Nullable Instant retryAt);

  /** After a restart: actions left {@code EXECUTING} become {@code RETRY} due {@code now}; returns how many. */
  int recoverInterrupted(Instant now);

  /** The stored rollout settings, one per scope. */
  List<RolloutSetting> rolloutSettings();

  /** Stores (replaces) the rollout setting of its scope. */
  void saveRollout(RolloutSetting setting);

  /** Keeps the files of an accepted policy bundle revision, replacing the bundle's previous one. */
  void savePolicyPack(PolicyPackFiles pack);

  /** The last accepted revision of a policy bundle, if one is kept. */
  Optional<PolicyPackFiles> policyPack(String bundle);

  /** Forgets a policy bundle (it was uninstalled or stopped). */
  void deletePolicyPack(String bundle);
}
