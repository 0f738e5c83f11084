package io.isthmus.api.governance;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** The actions waiting for people, and their verdicts; what the console's approval screens use. */
@ProviderType
public interface ApprovalQueue {

  /** Actions in any of {@code states} (all if empty), newest first, at most {@code limit}. */
  List<GovernedAction> list(Set<ActionState> states, int limit);

  Optional<GovernedAction> find(String actionId);

  /**
   * Approves or rejects an action on behalf of an authenticated user.
   *
   * @param roles the roles the user holds; checked against the decision's approver role
   */
  ApprovalOutcome decide(String actionId, String user, Set<String> roles, Approval.Verdict verdict, String comment);

  /**
   * Proposes undoing a succeeded action (e.g. {@code RELEASE_HOST} after {@code CONTAIN_HOST}) as a
   * new governed action requested by {@code user}: policy decides it like any other.
   *
   * @throws java.util.NoSuchElementException if there is no such action
   * @throws IllegalStateException if the action did not succeed or cannot be undone by a connector
   */
  GovernedAction requestRollback(String actionId, String user, String reason);
}
