package io.isthmus.api.governance;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The policy bundles governance knows, in force or refused. */
@ProviderType
public interface PolicyRegistry {

  List<PolicyPackStatus> packs();
}
