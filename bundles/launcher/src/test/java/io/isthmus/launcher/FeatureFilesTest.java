package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every feature file parses, and every bundle it names is in the distribution built with it. */
class FeatureFilesTest {
  private static final Path FEATURES = Paths.get("..", "..", "features");
  private static final Path SYSTEM = Paths.get(System.getProperty("isthmus.dist", "target/isthmus"), "system");

  static List<Path> featureFiles() throws IOException {
    try (Stream<Path> files = Files.list(FEATURES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void everyBundleOfEveryFeatureIsInTheDistribution() throws IOException {
    List<Path> files = featureFiles();
    assertFalse(files.isEmpty());
    ArtifactRepository repo = new ArtifactRepository(List.of(SYSTEM));
    for (Path file : files) {
      FeatureSet set = FeatureSet.read(List.of(file));
      for (FeatureSet.BundleEntry b : set.bundles()) {
        assertTrue(Files.isRegularFile(repo.resolve(b.id())), file + ": " + b.id());
      }
    }
  }

  @Test
  void coreStartsTheFrameworkServicesBeforeThePipelineAndFileInstallLast() throws IOException {
    FeatureSet core = FeatureSet.read(List.of(FEATURES.resolve("core.json")));
    List<String> order = core.bundles().stream().map(b -> b.id().getArtifactId()).toList();
    assertTrue(order.indexOf("org.apache.felix.scr") < order.indexOf("isthmus-pipeline"), order.toString());
    assertEquals("org.apache.felix.fileinstall", order.get(order.size() - 1), order.toString());
    assertEquals("127.0.0.1", core.frameworkProperties(java.util.Map.of()).get("org.apache.felix.http.host"));
  }

  @Test
  void featuresAskingForDifferentVersionsOfABundleAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path other = Files.writeString(dir.resolve("other.json"), """
        { "feature-resource-version": "1.0", "id": "t:t:osgifeature:t:1",
          "bundles": [ { "id": "io.isthmus:isthmus-api:9.9.9" } ] }
        """);
    UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
        () -> FeatureSet.read(List.of(FEATURES.resolve("core.json"), other)));
    assertTrue(e.getMessage().contains("different versions of io.isthmus:isthmus-api"), e.getMessage());
  }
}
