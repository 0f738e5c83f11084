package io.isthmus.api.governance;

import io.isthmus.api.asset.Zone;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Rollout modes per zone and per tenant. An OT zone ({@link Zone#OT_SUPERVISORY},
 * {@link Zone#OT_CONTROL}) cannot go past {@link RolloutMode#APPROVAL} without an explicit
 * override; every change, override or not, is written to the audit log.
 */
@ProviderType
public interface RolloutControl {

  /** The mode in force: the more cautious of the zone's and the tenant's. */
  RolloutMode modeFor(Zone zone, String tenant);

  /** The settings made so far (zones and tenants without one use the defaults). */
  List<RolloutSetting> settings();

  /**
   * Sets the mode of a scope ({@code zone:<Zone>} or {@code tenant:<id>}).
   *
   * @throws IllegalArgumentException for an OT zone past {@code APPROVAL} without {@code override},
   *     a bad scope, or an empty actor or reason
   */
  RolloutSetting set(String scope, RolloutMode mode, boolean override, String actor, String reason);
}
