package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The packaged bundle in Felix with SCR: the embedded H2, Flyway and its migrations must work through
 * the bundle's own class loader, and the data must survive a framework restart; configured for
 * PostgreSQL (when ISTHMUS_TEST_PG_URL is set), the embedded HikariCP pool must work there too.
 */
class StoreBundleIT {

  private static final String[] RUNTIME = {
    "org/osgi/org.osgi.util.function/1.2.0/org.osgi.util.function-1.2.0.jar",
    "org/osgi/org.osgi.util.promise/1.3.0/org.osgi.util.promise-1.3.0.jar",
    "org/osgi/org.osgi.service.component/1.5.1/org.osgi.service.component-1.5.1.jar",
    "org/apache/felix/org.apache.felix.scr/2.2.12/org.apache.felix.scr-2.2.12.jar",
    "org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar",
    "org/slf4j/slf4j-simple/1.7.36/slf4j-simple-1.7.36.jar",
  };
  private static final String CONFIG_ADMIN =
      "org/apache/felix/org.apache.felix.configadmin/1.9.26/org.apache.felix.configadmin-1.9.26.jar";
  private static final String SCHEMA = "isthmus_bundle_it";

  @TempDir
  Path work;

  @Test
  void storeServiceWorksInFelixAndKeepsDataOverRestart() throws Exception {
    Instant seen = Instant.parse("2026-05-01T08:00:00Z");
    Asset plc = Asset.builder("plc-1").address("10.0.0.5").type("plc").vendor("Wago").criticality(3)
        .zone(Zone.OT_CONTROL).build();

    runInFelix(Map.of(), store -> {
      store.upsert(plc, seen);
      store.importRegistry(Asset.builder("plc-1").vendor("WAGO").firmware("03.10.08").build(), seen);
      store.upsert(Asset.builder("plc-1").firmware("03.09.04").build(), seen);
    });
    runInFelix(Map.of(), store -> {
      StoredAsset stored = store.findByAddress("10.0.0.5").orElseThrow();
      assertEquals(plc.toBuilder().vendor("WAGO").firmware("03.10.08").build(), stored.asset());
      assertEquals(Set.of(AssetField.VENDOR, AssetField.FIRMWARE), stored.registryFields());
      assertEquals(List.of(new AssetConflict("plc-1", AssetField.FIRMWARE, "03.10.08", "03.09.04", seen)),
          store.conflicts());
      assertEquals(1, store.list().size());
    });
    assertTrue(Files.exists(work.resolve("data/store/isthmus.mv.db")), "H2 file under <isthmus.data>/store");
  }

  @Test
  void storeRunsOnPostgresThroughItsPoolAndLeavesNoPoolThread() throws Exception {
    String server = System.getenv("ISTHMUS_TEST_PG_URL");
    assumeTrue(server != null && !server.isBlank(), "ISTHMUS_TEST_PG_URL is not set");
    String user = TestPools.env("ISTHMUS_TEST_PG_USER");
    String password = TestPools.env("ISTHMUS_TEST_PG_PASSWORD");
    try (Connection c = Databases.forUrl(server, user, password).getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
    } catch (SQLException e) {
      assumeTrue(false, "PostgreSQL at ISTHMUS_TEST_PG_URL is not reachable: " + e.getMessage());
    }
    String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    Asset plc = Asset.builder("plc-9").address("10.0.0.9").type("plc").build();

    runInFelix(Map.of("url", url, "user", user, "password", password), store -> {
      store.upsert(plc, Instant.parse("2026-05-01T08:00:00Z"));
      assertEquals(plc, store.findByAddress("10.0.0.9").orElseThrow().asset());
      assertTrue(TestPools.poolThreads().stream().anyMatch(n -> n.endsWith(":housekeeper")),
          "the bundle's pool runs: " + TestPools.poolThreads());
    });

    try (Connection c = Databases.forUrl(url, user, password).getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + SCHEMA + ".assets")) {
      r.next();
      assertEquals(1, r.getInt(1), "the asset is in PostgreSQL, not in an embedded H2");
    }
    assertEquals(List.of(), TestPools.poolThreads(), "the framework stopped: no thread of the pool is left");
  }

  /** Every io.isthmus.api package the packaged bundle imports (each store area adds its own). */
  private static String apiPackagesImported() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("isthmus.it.bundle"))) {
      String imports = jar.getManifest().getMainAttributes().getValue(Constants.IMPORT_PACKAGE);
      Set<String> packages = new TreeSet<>();
      Matcher m = Pattern.compile("io\\.isthmus\\.api\\.[a-z.]*[a-z]").matcher(imports);
      while (m.find()) {
        packages.add(m.group() + ";version=1.0.0");
      }
      return String.join(",", packages);
    }
  }

  /** Config Admin's API is not on the test's class path: it is called through the Config Admin bundle's classes. */
  private static void configure(Framework framework, Map<String, Object> values) throws Exception {
    Bundle configAdmin = null;
    for (Bundle bundle : framework.getBundleContext().getBundles()) {
      if ("org.apache.felix.configadmin".equals(bundle.getSymbolicName())) {
        configAdmin = bundle;
      }
    }
    assertNotNull(configAdmin, "Config Admin is installed");
    Class<?> adminType = configAdmin.loadClass("org.osgi.service.cm.ConfigurationAdmin");
    Class<?> configurationType = configAdmin.loadClass("org.osgi.service.cm.Configuration");
    var reference = framework.getBundleContext().getServiceReference(adminType.getName());
    Object admin = framework.getBundleContext().getService(reference);
    Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
        .invoke(admin, "io.isthmus.store", null);
    Dictionary<String, Object> properties = new Hashtable<>(values);
    configurationType.getMethod("update", Dictionary.class).invoke(configuration, properties);
  }

  private interface StoreUse {
    void accept(AssetStore store) throws Exception;
  }

  /** Runs the store bundle, with the configuration of io.isthmus.store given to Config Admin if any. */
  private void runInFelix(Map<String, Object> storeConfig, StoreUse use) throws Exception {
    Path repository = Path.of(System.getProperty("isthmus.it.repository"));
    Framework framework = new FrameworkFactory().newFramework(Map.of(
        Constants.FRAMEWORK_STORAGE, work.resolve("felix").toString(),
        // The test shares the API classes with the bundle through the system bundle.
        Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackagesImported(),
        "isthmus.data", work.resolve("data").toString()));
    framework.start();
    try {
      // The framework keeps its bundles over a restart (same storage): install them on the first run only.
      if (framework.getBundleContext().getBundles().length == 1) {
        for (String bundle : RUNTIME) {
          framework.getBundleContext().installBundle(repository.resolve(bundle).toUri().toString());
        }
        if (!storeConfig.isEmpty()) {
          framework.getBundleContext().installBundle(repository.resolve(CONFIG_ADMIN).toUri().toString());
        }
        framework.getBundleContext().installBundle(Path.of(System.getProperty("isthmus.it.bundle")).toUri().toString());
      }
      Bundle storeBundle = null;
      for (Bundle bundle : framework.getBundleContext().getBundles()) {
        if ("io.isthmus.store".equals(bundle.getSymbolicName())) {
          storeBundle = bundle;
        } else if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
          bundle.start();
        }
      }
      if (!storeConfig.isEmpty()) {
        configure(framework, storeConfig);
      }
      assertNotNull(storeBundle, "the store bundle is installed");
      storeBundle.start();
      ServiceTracker<AssetStore, AssetStore> tracker =
          new ServiceTracker<>(framework.getBundleContext(), AssetStore.class, null);
      tracker.open();
      AssetStore store = tracker.waitForService(30_000);
      assertNotNull(store, "AssetStore service registered");
      use.accept(store);
      tracker.close();
    } finally {
      framework.stop();
      framework.waitForStop(30_000);
    }
  }
}
