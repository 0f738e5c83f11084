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
}
