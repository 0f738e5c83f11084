package io.isthmus.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ModelLifecycle;
import io.isthmus.api.pipeline.ShadowComparison;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * Shadow mode, promote and roll back with two versions of the counting model installed side by
 * side, through the {@link ModelLifecycle} service, the Gogo commands and {@code /api/v1/models};
 * and the learned state kept across a restart of the pipeline.
 */
@RunWith(PaxExam.class)
public class ModelLifecycleIT extends IsthmusTestSupport {
  private static final int DEVICES = 40;

  @Test
  public void shadowComparesThenPromoteAndRollbackMoveTheAlerts() throws Exception {
    TelemetryPipeline pipeline = pipeline();
    ModelLifecycle lifecycle = awaitService(ModelLifecycle.class, null);
    Bundle v1Bundle = installCountingModel();
    String v1 = v1Bundle.getVersion().toString();
    Version old = v1Bundle.getVersion();
    String v2 = new Version(old.getMajor(), old.getMinor(), old.getMicro(), "shadow2").toString();
    waitUntil("v1 active", () -> v1.equals(info(lifecycle).map(ModelInfo::activeVersion).orElse(null)));
    Bundle v2Bundle;
    try (InputStream in = new ByteArrayInputStream(BundleJars.withBundleVersion(bundleFile(COUNTING_MODEL).toPath(), v2))) {
      v2Bundle = context.installBundle("isthmus-it:" + COUNTING_MODEL + "-v2", in);
    }
    v2Bundle.start();
    waitUntil("v2 bound as the shadow", () -> v2.equals(info(lifecycle).map(ModelInfo::shadowVersion).orElse(null)));
    assertEquals("a second version does not raise alerts", List.of(COUNTING_ID + "@" + v1), pipeline.status().models());

    try (FindingCollector collector = new FindingCollector(context);
         EventChannel channel = pipeline.openChannel("lifecycle", SourceKind.FILE_REPLAY)) {
      // a baseline of reads, then one new operation per device: both versions flag each device
      for (int i = 0; i < 15; i++) {
        publishToAll(channel, "READ_HOLDING_REGISTERS");
      }
      publishToAll(channel, "WRITE_SINGLE_REGISTER");
      awaitDrained(pipeline);
      ShadowComparison c = lifecycle.comparison(COUNTING_ID).orElseThrow();
      assertEquals(v1, c.activeVersion());
      assertEquals(v2, c.shadowVersion());
      assertEquals(16L * DEVICES, c.eventsScoredByBoth());
      assertEquals(DEVICES, c.activeFindings());
      assertEquals(DEVICES, c.shadowFindings());
      assertEquals(DEVICES, c.agreedFlags());
      assertEquals(1.0, c.agreement(), 0);
      assertEquals(0.0, c.meanAbsScoreDrift(), 0);
      assertEquals(DEVICES, collector.from(COUNTING_ID).size());
      assertTrue(collector.from(COUNTING_ID).stream().allMatch(f -> f.modelVersion().equals(v1)));

      String listing = command("models");
      assertTrue(listing, listing.contains("counting: active " + v1 + ", shadow " + v2));
      String json = httpGet("/api/v1/models");
      assertTrue(json, json.contains("{\"id\":\"counting\",\"activeVersion\":\"" + v1 + "\",\"shadowVersion\":\"" + v2 + "\""));
      assertTrue(json, json.contains("\"eventsScoredByBoth\":" + 16 * DEVICES));

      ModelInfo promoted = lifecycle.promote(COUNTING_ID);
      assertEquals(v2, promoted.activeVersion());
      assertEquals(v1, promoted.shadowVersion());
      assertTrue(promoted.rollbackAvailable());
      assertEquals(List.of(COUNTING_ID + "@" + v2), pipeline.status().models());
      collector.findings.clear();
      publishToAll(channel, "WRITE_MULTIPLE_REGISTERS");
      awaitDrained(pipeline);
      assertEquals(DEVICES, collector.from(COUNTING_ID).size());
      assertTrue("after the promotion only v2 alerts",
          collector.from(COUNTING_ID).stream().allMatch(f -> f.modelVersion().equals(v2)));
      assertEquals("v1 still scores as the shadow", DEVICES, lifecycle.comparison(COUNTING_ID).orElseThrow().shadowFindings());

      String rolledBack = command("rollback", COUNTING_ID);
      assertTrue(rolledBack, rolledBack.startsWith("Rolled back. counting: active " + v1));
      collector.findings.clear();
      publishToAll(channel, "DIAGNOSTICS");
      awaitDrained(pipeline);
      List<Finding> after = collector.from(COUNTING_ID);
      assertEquals(DEVICES, after.size());
      assertTrue("after the rollback only v1 alerts", after.stream().allMatch(f -> f.modelVersion().equals(v1)));
      assertEquals(0, pipeline.status().modelErrors());
    }
    assertTrue(command("promote", "nope").contains("No model has the id 'nope'"));
    String refused = httpPost("/api/v1/models/nope/rollback");
    assertEquals("{\"error\":\"No model has the id 'nope'\"}", refused);
  }

  /** Stop and start the pipeline bundle: the learned state is saved and a new model instance gets it back. */
  @Test
  public void learnedStateSurvivesARestartOfThePipeline() throws Exception {
    TelemetryPipeline pipeline = pipeline();
    Bundle model = installCountingModel();
    waitUntil("counting bound", () -> pipeline.status().models().size() == 1);
    try (EventChannel channel = pipeline.openChannel("before", SourceKind.FILE_REPLAY)) {
      for (int i = 0; i < 25; i++) {
        publishToAll(channel, "READ_HOLDING_REGISTERS");
      }
    }
    awaitDrained(pipeline);
    long learned = countingTotal();
    assertEquals(25L * DEVICES, learned);

    Bundle pipelineBundle = bundle("io.isthmus.pipeline");
    pipelineBundle.stop();
    pipelineBundle.start();
    TelemetryPipeline again = pipeline();
    waitUntil("counting bound again", () -> again.status().models().size() == 1);
    assertEquals("after a pipeline restart the count is neither lost nor doubled", learned, countingTotal());

    pipelineBundle.stop();
    model.stop();
    model.start(); // a new instance that knows nothing
    assertEquals(0, countingTotal());
    pipelineBundle.start();
    TelemetryPipeline third = pipeline();
    waitUntil("counting bound after the restart", () -> third.status().models().size() == 1);
    assertEquals("the new instance continues from the saved state", learned, countingTotal());

    try (FindingCollector collector = new FindingCollector(context);
         EventChannel channel = third.openChannel("after", SourceKind.FILE_REPLAY)) {
      publishToAll(channel, "READ_HOLDING_REGISTERS");
      awaitDrained(third);
      assertEquals("reads are in the restored baseline: no finding", 0, collector.from(COUNTING_ID).size());
      publishToAll(channel, "WRITE_SINGLE_REGISTER");
      awaitDrained(third);
      assertEquals(DEVICES, collector.from(COUNTING_ID).size());
    }
  }

  private static void publishToAll(EventChannel channel, String operation) {
    for (int d = 0; d < DEVICES; d++) {
      channel.publish(event(d, operation));
    }
  }

  private static Optional<ModelInfo> info(ModelLifecycle lifecycle) {
    return lifecycle.models().stream().filter(m -> m.modelId().equals(COUNTING_ID)).findFirst();
  }

  private Bundle bundle(String symbolicName) {
    for (Bundle b : context.getBundles()) {
      if (symbolicName.equals(b.getSymbolicName())) {
        return b;
      }
    }
    throw new AssertionError(symbolicName + " is not installed");
  }

  /** Calls a Gogo command function of scope {@code isthmus} as the shell would. */
  private String command(String function, Object... args) throws Exception {
    ServiceReference<?>[] refs = context.getServiceReferences((String) null,
        "(&(osgi.command.scope=isthmus)(osgi.command.function=" + function + "))");
    assertNotNull("no isthmus:" + function + " command", refs);
    Object commands = context.getService(refs[0]);
    try {
      Class<?>[] types = new Class<?>[args.length];
      java.util.Arrays.fill(types, String.class);
      return (String) commands.getClass().getMethod(function, types).invoke(commands, args);
    } finally {
      context.ungetService(refs[0]);
    }
  }

  private String endpoint() throws Exception {
    String[] names = {"org.osgi.service.servlet.runtime.HttpServiceRuntime", "org.osgi.service.http.runtime.HttpServiceRuntime"};
    for (String name : names) {
      ServiceReference<?>[] refs = context.getServiceReferences(name, null);
      if (refs != null) {
        Object ep = refs[0].getProperty("osgi.http.endpoint");
        String first = ep instanceof String[] a ? a[0] : ep instanceof java.util.Collection<?> c ? c.iterator().next().toString()
            : String.valueOf(ep);
        return first.endsWith("/") ? first.substring(0, first.length() - 1) : first;
      }
    }
    throw new AssertionError("no HTTP runtime");
  }

  private String httpGet(String path) throws Exception {
    return http("GET", path);
  }

  private String httpPost(String path) throws Exception {
    return http("POST", path);
  }

  private String http(String method, String path) throws Exception {
    String base = endpoint();
    assertFalse(base, base.isEmpty());
    HttpURLConnection c = (HttpURLConnection) new URL(base + path).openConnection();
    c.setRequestMethod(method);
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      assertEquals("application/json", c.getContentType().split(";")[0]);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " answered " + status, e);
    }
  }
}
