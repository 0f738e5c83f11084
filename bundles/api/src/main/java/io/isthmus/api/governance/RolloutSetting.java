package io.isthmus.api.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * The rollout mode of one zone or tenant.
 *
 * @param scope {@code zone:<Zone name>} or {@code tenant:<tenant id>}
 * @param mode the mode
 * @param override whether this is an explicit override that lets an OT zone go past
 *     {@link RolloutMode#APPROVAL}
 * @param actor who set it
 * @param reason why
 * @param at when
 */
public record RolloutSetting(String scope, RolloutMode mode, boolean override, String actor, String reason, Instant at) {

  public RolloutSetting {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    if (!scope.startsWith("zone:") && !scope.startsWith("tenant:")) {
      throw new IllegalArgumentException("scope must be zone:<zone> or tenant:<id>: " + scope);
    }
  }
}
