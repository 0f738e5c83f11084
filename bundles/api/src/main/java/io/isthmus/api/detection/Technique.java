package io.isthmus.api.detection;

import java.util.Objects;

/**
 * A MITRE ATT&CK for ICS technique with its tactic.
 *
 * @param id technique id, e.g. {@code T0843}
 * @param name technique name, e.g. {@code Program Download}
 * @param tactic tactic name, e.g. {@code Lateral Movement}
 */
public record Technique(String id, String name, String tactic) {
  public Technique {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tactic, "tactic");
  }
}
