package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * features/assets.json in Felix, as 'isthmus assets' boots it: every bundle resolves and starts, the
 * command imports a registry into the embedded store and lists it back.
 */
class AssetsBundleIT {

  /** The launcher provides slf4j as system packages; here the slf4j bundles stand in for it. */
  private static final List<String> LOGGING = List.of("org.slf4j:slf4j-api:1.7.36", "org.slf4j:slf4j-simple:1.7.36");

  @TempDir
  Path work;

  @Test
  void featureBootsAndTheCommandImportsAndLists() throws Exception {
    Path registry = work.resolve("plant.yaml");
    try (InputStream in = getClass().getResourceAsStream("/registry/plant.yaml")) {
      Files.copy(in, registry);
    }
    Framework framework = new FrameworkFactory().newFramework(Map.of(
        Constants.FRAMEWORK_STORAGE, work.resolve("felix").toString(),
        "isthmus.data", work.resolve("data").toString()));
    framework.start();
    try {
      BundleContext context = framework.getBundleContext();
      List<Bundle> installed = new ArrayList<>();
      for (String id : LOGGING) {
        installed.add(context.installBundle(location(id)));
      }
      for (String id : featureBundles()) {
        installed.add(context.installBundle(location(id)));
      }
      for (Bundle bundle : installed) {
        bundle.start();
      }
      ServiceTracker<Function<Map<String, Object>, Integer>, Function<Map<String, Object>, Integer>> tracker =
          new ServiceTracker<>(context, context.createFilter("(isthmus.command=assets)"), null);
      tracker.open();
      Function<Map<String, Object>, Integer> command = tracker.waitForService(30_000);
      assertNotNull(command, "the assets command service is registered");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Map<String, Object> request = new HashMap<>();
      request.put("action", "import");
      request.put("file", registry.toString());
      request.put("out", out);
      request.put("err", new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(1, command.apply(request), "plant.yaml has rejected rows");
      assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("imported 3 asset(s) from plant.yaml"), out.toString());

      out.reset();
      request.put("action", "list");
      request.put("format", "json");
      assertEquals(0, command.apply(request), err.toString());
      JsonObject list = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readObject();
      assertEquals(3, list.getInt("count"));
      assertEquals("2.10", list.getJsonArray("assets").getJsonObject(2).getString("firmware"));
      for (Bundle bundle : installed) {
        assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " is active");
      }
      tracker.close();
    } finally {
      framework.stop();
      framework.waitForStop(30_000);
    }
    assertTrue(Files.exists(work.resolve("data/store/isthmus.mv.db")), "the store is under <isthmus.data>/store");
  }

  /** The feature's bundle ids in order (the file allows // comment lines). */
  private static List<String> featureBundles() throws Exception {
    String text = Files.readString(Path.of(System.getProperty("isthmus.it.feature"))).replaceAll("(?m)^\\s*//.*$", "");
    JsonObject feature = Json.createReader(new StringReader(text)).readObject();
    return feature.getJsonArray("bundles").stream().map(b -> b.asJsonObject().getString("id")).toList();
  }

  /** This module's fresh jar for itself, else the local Maven repository's. */
  private static String location(String id) {
    String[] gav = id.split(":");
    if (gav[1].equals("isthmus-assets")) {
      return Path.of(System.getProperty("isthmus.it.bundle")).toUri().toString();
    }
    Path jar = Path.of(System.getProperty("isthmus.it.repository"), gav[0].replace('.', '/'), gav[1], gav[2],
        gav[1] + "-" + gav[2] + ".jar");
    return jar.toUri().toString();
  }
}
