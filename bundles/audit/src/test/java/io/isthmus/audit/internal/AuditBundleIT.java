package io.isthmus.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.alert.AlertListener;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The packaged bundle with the store bundle in Felix with SCR: the alert auditor and the audit log
 * are wired, the signer creates its key in the data directory and seals the log when stopped, and
 * the {@code audit} command verifies and exports it in a second framework that only reads.
 */
class AuditBundleIT {

  private static final String[] RUNTIME = {
    "org/osgi/org.osgi.util.function/1.2.0/org.osgi.util.function-1.2.0.jar",
    "org/osgi/org.osgi.util.promise/1.3.0/org.osgi.util.promise-1.3.0.jar",
    "org/osgi/org.osgi.service.component/1.5.1/org.osgi.service.component-1.5.1.jar",
    "org/apache/felix/org.apache.felix.scr/2.2.12/org.apache.felix.scr-2.2.12.jar",
    "org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar",
    "org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar",
    "io/isthmus/isthmus-store/0.1.0/isthmus-store-0.1.0.jar",
  };
  private static final String API = "io.isthmus.api.alert;version=1.0.0,io.isthmus.api.asset;version=1.0.0,"
      + "io.isthmus.api.connector;version=1.0.0,io.isthmus.api.detection;version=1.0.0,io.isthmus.api.event;version=1.0.0,"
      + "io.isthmus.api.governance;version=1.0.0,io.isthmus.api.json;version=1.0.0,io.isthmus.api.store;version=1.0.0";

  @TempDir
  Path work;

  private interface Use {
    void accept(BundleContext context) throws Exception;
  }

  @Test
  void alertsAreRecordedSealedAndVerifiedByTheCommand() throws Exception {
    Alert alert = new Alert("alert-7", "10.0.0.5|T0843|semantics", "10.0.0.5", "plc-1", Zone.OT_CONTROL, 5, "modbus", 86, 0.97,
        List.of(new Technique("T0843", "Program Download", "Lateral Movement")), List.of("fc_not_in_baseline:90"),
        Set.of("semantics"), 1, Instant.parse("2026-05-01T08:00:00Z"), Instant.parse("2026-05-01T08:00:00Z"),
        "Program download to PLC plc-1 from a host never seen writing to it", "Confirm with the plant engineer",
        "fc=90 unit=1", Alert.State.OPEN);

    inFelix(true, context -> {
      AlertListener auditor = service(context, AlertListener.class, null);
      auditor.onAlert(alert, true);
      auditor.onAlert(alert, false);
      AuditLog log = service(context, AuditLog.class, null);
      log.append("decision", "action-1", "governance", List.of("alert-7"), "{\"outcome\":\"REQUIRE_APPROVAL\"}");
      List<AuditRecord> records = log.forSubject("alert-7");
      assertEquals(1, records.size(), "an update that changes neither severity nor state is not recorded");
      assertTrue(records.get(0).payloadJson().contains("\"techniques\":[{\"id\":\"T0843\""), records.get(0).payloadJson());
    });
    assertTrue(Files.exists(work.resolve("data/keys/audit-ed25519.pub")), "public key exported to <data>/keys");

    inFelix(false, context -> {
      @SuppressWarnings("unchecked")
      Function<Map<String, Object>, Integer> command = service(context, Function.class, "(isthmus.command=audit)");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Map<String, Object> request = new HashMap<>(Map.of("action", "verify", "out", out, "err", new PrintStream(new ByteArrayOutputStream()),
          "dataDir", work.resolve("data").toString()));
      assertEquals(0, command.apply(request), out.toString(StandardCharsets.UTF_8));
      // alert, decision and the checkpoint written when the first framework stopped.
      assertEquals("3 records, 1 checkpoints, chain intact\n", out.toString(StandardCharsets.UTF_8));

      out.reset();
      request.put("action", "export");
      assertEquals(0, command.apply(request));
      List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
      assertEquals(3, lines.size());
      assertTrue(lines.get(2).contains("\"type\":\"checkpoint\""), lines.get(2));
    });
  }

  private static <T> T service(BundleContext context, Class<T> type, String filter) throws Exception {
    ServiceTracker<T, T> tracker = filter == null ? new ServiceTracker<>(context, type, null)
        : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
    tracker.open();
    T service = tracker.waitForService(30_000);
    assertNotNull(service, type.getSimpleName() + " service registered");
    return service;
  }

  private void inFelix(boolean signer, Use use) throws Exception {
    Path repository = Path.of(System.getProperty("isthmus.it.repository"));
    Framework framework = new FrameworkFactory().newFramework(Map.of(
        Constants.FRAMEWORK_STORAGE, work.resolve(signer ? "felix-runtime" : "felix-command").toString(),
        Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, API,
        "isthmus.data", work.resolve("data").toString(),
        "isthmus.audit.checkpoints", Boolean.toString(signer)));
    framework.start();
    try {
      BundleContext context = framework.getBundleContext();
      for (String bundle : RUNTIME) {
        context.installBundle(repository.resolve(bundle).toUri().toString());
      }
      context.installBundle(Path.of(System.getProperty("isthmus.it.bundle")).toUri().toString());
      for (Bundle bundle : context.getBundles()) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
          bundle.start();
        }
      }
      use.accept(context);
    } finally {
      framework.stop();
      framework.waitForStop(30_000);
    }
  }
}
