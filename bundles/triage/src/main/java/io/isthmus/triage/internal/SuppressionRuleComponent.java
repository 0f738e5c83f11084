package io.isthmus.triage.internal;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One suppression rule per factory configuration {@code io.isthmus.triage.suppression~<name>}
 * (FileInstall: {@code io.isthmus.triage.suppression-<name>.cfg}). A bad rule is logged once,
 * counted by triage, and suppresses nothing.
 */
@Component(service = SuppressionRuleComponent.class, configurationPid = SuppressionRuleComponent.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SuppressionConfig.class, factory = true)
public final class SuppressionRuleComponent {

  static final String PID = "io.isthmus.triage.suppression";
  private static final Logger LOG = LoggerFactory.getLogger(SuppressionRuleComponent.class);

  private final @Nullable SuppressionRule rule;
  private final @Nullable String rejection;

  @Activate
  public SuppressionRuleComponent(SuppressionConfig config, Map<String, Object> properties) {
    String name = name(properties);
    SuppressionRule parsed = null;
    String problem = null;
    try {
      parsed = SuppressionRule.parse(name, config.device(), config.technique(), config.model(), config.indicator(),
          config.until(), config.reason());
      LOG.info("triage: suppression {} active", parsed.describe());
    } catch (IllegalArgumentException e) {
      problem = "suppression rule '" + name + "' rejected: " + e.getMessage();
      LOG.warn("triage: {}", problem);
    }
    rule = parsed;
    rejection = problem;
  }

  /** The configuration's name: the part of the pid after {@code ~} or {@code -}, else the whole pid. */
  static String name(Map<String, Object> properties) {
    Object pid = properties.getOrDefault("service.pid", PID);
    String text = String.valueOf(pid);
    Object fileName = properties.get("felix.fileinstall.filename");
    if (fileName != null) {
      String file = String.valueOf(fileName);
      int dash = file.lastIndexOf(PID + "-");
      if (dash >= 0) {
        return file.substring(dash + PID.length() + 1).replaceFirst("\\.(cfg|config)$", "");
      }
    }
    int tilde = text.lastIndexOf('~');
    return tilde >= 0 ? text.substring(tilde + 1) : text;
  }

  @Nullable SuppressionRule rule() {
    return rule;
  }

  @Nullable String rejection() {
    return rejection;
  }
}
