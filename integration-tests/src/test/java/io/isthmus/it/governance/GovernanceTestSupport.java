package io.isthmus.it.governance;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertListener;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.ApprovalQueue;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.GovernedAction;
import io.isthmus.api.governance.PolicyPackStatus;
import io.isthmus.api.governance.PolicyRegistry;
import io.isthmus.it.IsthmusTestSupport;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.ProvisionOption;
import org.osgi.framework.Bundle;

/**
 * The core runtime plus the store (whose audit area is the audit log) and governance bundles. The API bundle is the one built with this change (from the local repository),
 * not the launcher distribution's copy, which may predate it.
 */
public abstract class GovernanceTestSupport extends IsthmusTestSupport {

  static final String DEFAULT_PACK = "io.isthmus.policy.default";
  static final String POLICY_FILE = "OSGI-INF/isthmus-policies/default.yaml";

  @Override
  @Configuration
  public Option[] config() throws IOException {
    String api = file("isthmus-api").toURI().toString();
    List<Option> options = new ArrayList<>();
    for (Option o : super.config()) {
      boolean coreApi = o instanceof ProvisionOption<?> p && p.getURL().contains("isthmus-api");
      options.add(coreApi ? bundle(api).startLevel(5).start() : o);
    }
    Path data = Files.createTempDirectory(Files.createDirectories(Path.of(property("isthmus.it.workdir"))), "governance-");
    options.add(frameworkProperty("isthmus.data").value(data.toString()));
    return options.toArray(new Option[0]);
  }

  static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException("system property " + key + " is not set; run the tests through Maven (failsafe)");
    }
    return value;
  }

  /** The jar of one of our bundles, as Maven resolved it for this build. */
  static File file(String artifactId) {
    return new File(property("isthmus.it.bundle." + artifactId));
  }

  protected Bundle install(String artifactId) throws Exception {
    Bundle b;
    try (InputStream in = Files.newInputStream(file(artifactId).toPath())) {
      b = context.installBundle("isthmus-it:" + artifactId, in);
    }
    b.start();
    return b;
  }

  /** Starts store (with the audit log) and governance, and waits for their services. */
  protected void startGovernance() throws Exception {
    install("isthmus-store");
    install("isthmus-governance");
    awaitService(AuditLog.class, null);
    awaitService(PolicyRegistry.class, null);
    awaitService(ApprovalQueue.class, null);
  }

  /** Waits until the registry reports a pack that {@code expected} accepts. */
  protected PolicyPackStatus awaitPack(String bundle, java.util.function.Predicate<PolicyPackStatus> expected, String what)
      throws Exception {
    PolicyRegistry registry = awaitService(PolicyRegistry.class, null);
    AtomicReference<PolicyPackStatus> seen = new AtomicReference<>();
    waitUntil(() -> "policy pack " + bundle + " " + what + "; last status " + seen.get(), () -> {
      Optional<PolicyPackStatus> s = registry.packs().stream().filter(p -> p.bundle().equals(bundle)).findFirst();
      seen.set(s.orElse(null));
      return s.isPresent() && expected.test(s.get());
    });
    return seen.get();
  }

  /** Raises a new alert with governance and waits for the action it proposes and decides. */
  protected GovernedAction decisionFor(Zone zone, double score, String... techniques) throws Exception {
    AlertListener listener = awaitService(AlertListener.class, "(component.name=io.isthmus.governance.internal.GovernanceComponent)");
    ApprovalQueue queue = awaitService(ApprovalQueue.class, null);
    String id = "it-" + UUID.randomUUID();
    Instant now = Instant.now();
    List<Technique> t = new ArrayList<>();
    for (String x : techniques) {
      t.add(new Technique(x, "technique " + x, "Impact"));
    }
    listener.onAlert(new Alert(id, id, "10.1.0.7", null, zone, 2, "modbus", 76, score, t, List.of("it"),
        Set.of("semantics"), 1, now, now, "test alert", "check it", "", Alert.State.OPEN), true);
    AtomicReference<GovernedAction> found = new AtomicReference<>();
    waitUntil("an action proposed for alert " + id, () -> {
      queue.list(Set.of(), 1000).stream().filter(g -> g.alertId().equals(id)).findFirst().ifPresent(found::set);
      return found.get() != null;
    });
    assertEquals(id, found.get().alertId());
    return found.get();
  }
}
