package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * the bundle's own class loader, and the data must survive a framework restart.
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

  @TempDir
  Path work;

  @Test
  void storeServiceWorksInFelixAndKeepsDataOverRestart() throws Exception {
    Instant seen = Instant.parse("2026-05-01T08:00:00Z");
    Asset plc = Asset.builder("plc-1").address("10.0.0.5").type("plc").vendor("Wago").criticality(3)
        .zone(Zone.OT_CONTROL).build();

    runInFelix(store -> {
      store.upsert(plc, seen);
      store.importRegistry(Asset.builder("plc-1").vendor("WAGO").firmware("03.10.08").build(), seen);
      store.upsert(Asset.builder("plc-1").firmware("03.09.04").build(), seen);
    });
    runInFelix(store -> {
      StoredAsset stored = store.findByAddress("10.0.0.5").orElseThrow();
      assertEquals(plc.toBuilder().vendor("WAGO").firmware("03.10.08").build(), stored.asset());
      assertEquals(Set.of(AssetField.VENDOR, AssetField.FIRMWARE), stored.registryFields());
      assertEquals(List.of(new AssetConflict("plc-1", AssetField.FIRMWARE, "03.10.08", "03.09.04", seen)),
          store.conflicts());
      assertEquals(1, store.list().size());
    });
    assertTrue(Files.exists(work.resolve("data/store/isthmus.mv.db")), "H2 file under <isthmus.data>/store");
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

  private interface StoreUse {
    void accept(AssetStore store) throws Exception;
  }

  private void runInFelix(StoreUse use) throws Exception {
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
        framework.getBundleContext().installBundle(Path.of(System.getProperty("isthmus.it.bundle")).toUri().toString());
      }
      for (Bundle bundle : framework.getBundleContext().getBundles()) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
          bundle.start();
        }
      }
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
