package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher, run as a user runs it: health, metrics, bad deploy content, SIGTERM. */
class RunIT {

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  static String subjects(JsonObject health, String section, String list) {
    return health.getJsonObject(section).getJsonArray(list).stream()
        .map(v -> v.asJsonObject().getString("subject") + ": " + v.asJsonObject().getString("reason"))
        .collect(Collectors.joining("\n"));
  }

  static boolean allBundlesActive(String body) {
    JsonObject bundles = json(body).getJsonObject("bundles");
    return bundles.getInt("active") == bundles.getInt("total");
  }

  @Test
  void servesHealthAndMetricsThenStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
    try (LauncherProcess isthmus = LauncherProcess.run(dir, "--feature", "core")) {
      JsonObject health = json(isthmus.awaitHealth(RunIT::allBundlesActive, Duration.ofSeconds(90)));
      assertEquals("UP", health.getString("status"), health.toString());
      JsonObject bundles = health.getJsonObject("bundles");
      assertEquals(bundles.getInt("total"), bundles.getInt("active"), health.toString());
      assertEquals("UP", health.getJsonObject("pipeline").getString("status"));

      HttpResponse<String> metrics = isthmus.get("/metrics");
      assertEquals(200, metrics.statusCode());
      assertTrue(metrics.body().contains("\nisthmus_pipeline_events_in_total 0\n"), metrics.body());
      assertTrue(metrics.body().contains("isthmus_pipeline_latency_seconds_bucket{le=\"+Inf\"}"), metrics.body());
      assertTrue(isthmus.stdout().contains("health:  http://127.0.0.1:" + isthmus.port + "/api/v1/health"), isthmus.stdout());

      isthmus.terminate();
      assertTrue(isthmus.stdout().contains("isthmus: stopped cleanly"), isthmus.stdout());
      assertTrue(isthmus.stderr().contains("Pipeline stopped"), isthmus.stderr());
    }
  }

  @Test
  void byDefaultItScoresTheBundledCaptureAndShowsFindings(@TempDir Path dir) throws Exception {
    try (LauncherProcess isthmus = LauncherProcess.run(dir)) {
      JsonObject health = json(isthmus.awaitHealth(body -> {
        JsonObject p = json(body).getJsonObject("pipeline");
        return p.containsKey("findings") && p.getJsonNumber("findings").longValue() > 0;
      }, Duration.ofSeconds(90)));
      JsonObject pipeline = health.getJsonObject("pipeline");
      assertTrue(pipeline.getJsonNumber("events_in").longValue() > 0, pipeline.toString());
      assertTrue(pipeline.getJsonArray("models").toString().contains("counting@"), pipeline.toString());
      assertEquals("UP", health.getString("status"), health.toString());
      isthmus.terminate();
      assertTrue(isthmus.stderr().contains("operation_not_seen_before"), isthmus.stderr());
    }
  }

  @Test
  void featureConfigurationsReachTheirComponentsWithVariablesSubstituted(@TempDir Path dir) throws Exception {
    Path feature = Files.writeString(dir.resolve("tuning.json"), """
        { "feature-resource-version": "1.0", "id": "test:tuning:osgifeature:tuning:1.0.0",
          "variables": { "site.prefix": "live:" },
          "configurations": {
            "io.isthmus.pipeline": { "workers": 1, "backpressure": [ "${site.prefix}*=DROP" ] } } }
        """);
    try (LauncherProcess isthmus = LauncherProcess.run(dir, "--feature", "core", feature.toString())) {
      JsonObject health = json(isthmus.awaitHealth(RunIT::allBundlesActive, Duration.ofSeconds(90)));
      assertEquals(1, health.getJsonObject("pipeline").getInt("workers"), health.toString());
      assertEquals("UP", health.getString("status"), health.toString());
      isthmus.terminate();
    }
  }

  @Test
  void webConsoleNeverAcceptsAdminAdminAndItsGeneratedPasswordIsPrintedOnce(@TempDir Path dir) throws Exception {
    String password;
    try (LauncherProcess isthmus = LauncherProcess.run(dir, "--feature", "core", "webconsole")) {
      isthmus.awaitHealth(RunIT::allBundlesActive, Duration.ofSeconds(90));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("generated password: (\\S+)").matcher(isthmus.stdout());
      assertTrue(m.find(), isthmus.stdout());
      password = m.group(1);
      assertFalse(isthmus.stderr().contains(password), "the password must not reach the log");
      assertEquals(401, isthmus.get("/system/console/bundles", "admin", "admin").statusCode());
      assertEquals(401, isthmus.get("/system/console/bundles").statusCode());
      assertEquals(200, isthmus.get("/system/console/bundles", "admin", password).statusCode());
      isthmus.terminate();
    }
    Files.move(dir.resolve("stdout.txt"), dir.resolve("first-stdout.txt"));
    try (LauncherProcess again = LauncherProcess.run(dir, "--feature", "core", "webconsole")) {
      again.awaitHealth(RunIT::allBundlesActive, Duration.ofSeconds(90));
      assertFalse(again.stdout().contains("generated password"), again.stdout());
      assertEquals(200, again.get("/system/console/bundles", "admin", password).statusCode());
      assertEquals(401, again.get("/system/console/bundles", "admin", "admin").statusCode());
      again.terminate();
    }
  }

  @Test
  void badDeployContentIsReportedWithReasonsAndNothingElseStops(@TempDir Path dir) throws Exception {
    try (LauncherProcess isthmus = LauncherProcess.run(dir, "--feature", "core")) {
      JsonObject before = json(isthmus.awaitHealth(RunIT::allBundlesActive, Duration.ofSeconds(90)));
      int activeBefore = before.getJsonObject("bundles").getInt("active");

      Files.writeString(isthmus.deploy().resolve("notes.txt"), "this is not a bundle");
      Files.write(isthmus.deploy().resolve("garbage.jar"), new byte[] {1, 2, 3, 4, 5});
      Fixtures.unresolvableBundle(isthmus.deploy().resolve("unresolvable.jar"));
      Fixtures.throwingComponentBundle(isthmus.deploy().resolve("throwing.jar"));
      Files.writeString(isthmus.deploy().resolve("io.isthmus.pipeline.cfg"), "workers = abc\nqueue.capacity = 12\n");

      JsonObject health = json(isthmus.awaitHealth(body -> body.contains("notes.txt") && body.contains("garbage.jar")
          && body.contains("test.unresolvable") && body.contains("test.throwing") && body.contains("queue.capacity"),
          Duration.ofSeconds(60)));

      assertEquals("DEGRADED", health.getString("status"));
      String deploy = subjects(health, "deploy", "rejected");
      assertTrue(deploy.contains("notes.txt: not a bundle"), deploy);
      assertTrue(deploy.contains("garbage.jar: not a bundle"), deploy);

      String bundles = subjects(health, "bundles", "failed");
      assertTrue(bundles.contains("test.unresolvable: unresolved: missing package (&(osgi.wiring.package=com.example.missing)"),
          bundles);

      String components = subjects(health, "components", "failed");
      assertTrue(components.contains("test.throwing:") && components.contains("fixture component refuses to start"), components);

      String config = subjects(health, "config", "rejected");
      assertTrue(config.contains("io.isthmus.pipeline.cfg: key 'workers' = 'abc' rejected: invalid value (expected an integer)"), config);
      assertTrue(config.contains("io.isthmus.pipeline.cfg: key 'queue.capacity' = '12' rejected"), config);

      JsonObject pipeline = health.getJsonObject("pipeline");
      assertEquals("UP", pipeline.getString("status"), "the pipeline keeps running on its defaults");
      assertEquals(Runtime.getRuntime().availableProcessors(), pipeline.getInt("workers"), pipeline.toString());
      // Every bundle that was active is still active, plus the throwing fixture (its bundle runs, its component failed).
      assertEquals(activeBefore + 1, health.getJsonObject("bundles").getInt("active"), health.toString());
      assertTrue(health.getJsonObject("bundles").getJsonArray("failed").stream()
          .map(JsonValue::asJsonObject).allMatch(b -> b.getString("subject").startsWith("test.")), health.toString());

      isthmus.terminate();
      assertTrue(isthmus.stderr().contains("Rejected config io.isthmus.pipeline.cfg: key 'workers'"), isthmus.stderr());
    }
  }
}
