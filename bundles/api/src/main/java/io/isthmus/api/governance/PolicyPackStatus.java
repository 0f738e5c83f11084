package io.isthmus.api.governance;

import java.util.List;
import java.util.Objects;

/**
 * A policy bundle as the governance extender sees it.
 *
 * @param bundle symbolic name of the policy bundle
 * @param version its version
 * @param active whether its rules are in force; a refused revision leaves the previous one in force
 * @param rules ids of its rules in force
 * @param problems why the latest revision was refused, each as {@code file:line: reason}; empty if it was accepted
 */
public record PolicyPackStatus(String bundle, String version, boolean active, List<String> rules, List<String> problems) {

  public PolicyPackStatus {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(version, "version");
    rules = List.copyOf(rules);
    problems = List.copyOf(problems);
  }
}
