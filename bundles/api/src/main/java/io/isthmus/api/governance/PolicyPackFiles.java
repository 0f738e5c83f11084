package io.isthmus.api.governance;

import java.util.Map;
import java.util.Objects;

/**
 * The policy files of an accepted revision of a policy bundle, kept so that it stays in force
 * across restarts while a later revision is refused.
 *
 * @param bundle symbolic name of the policy bundle
 * @param version the accepted revision's version
 * @param files file path in the bundle to content
 */
public record PolicyPackFiles(String bundle, String version, Map<String, String> files) {

  public PolicyPackFiles {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(version, "version");
    files = Map.copyOf(files);
  }
}
