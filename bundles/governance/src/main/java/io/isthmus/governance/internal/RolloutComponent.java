package io.isthmus.governance.internal;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernanceStore;
import io.isthmus.api.governance.RolloutControl;
import io.isthmus.api.governance.RolloutMode;
import io.isthmus.api.governance.RolloutSetting;
import java.time.Clock;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Publishes the rollout modes kept in the governance store. */
@Component(service = RolloutControl.class)
public final class RolloutComponent implements RolloutControl {

  private final RolloutModes modes;

  @Activate
  public RolloutComponent(@Reference GovernanceStore store, @Reference AuditLog audit) {
    modes = new RolloutModes(store, audit, Clock.systemUTC());
  }

  @Override
  public RolloutMode modeFor(Zone zone, String tenant) {
    return modes.modeFor(zone, tenant);
  }

  @Override
  public List<RolloutSetting> settings() {
    return modes.settings();
  }

  @Override
  public RolloutSetting set(String scope, RolloutMode mode, boolean override, String actor, String reason) {
    return modes.set(scope, mode, override, actor, reason);
  }
}
