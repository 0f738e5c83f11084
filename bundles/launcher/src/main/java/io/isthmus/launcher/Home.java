package io.isthmus.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the launcher finds its features and bundles: {@code isthmus.home} if set (the
 * {@code ./isthmus} script sets it to the repository root), else the {@code isthmus/} folder
 * beside the launcher jar. Bundles are looked up in the distribution's {@code system/} folder
 * (Maven repository layout), then in the local Maven repository.
 */
record Home(Path features, Path system) {

  static Home locate() {
    Path dist = distribution();
    String home = System.getProperty("isthmus.home");
    Path features = home != null ? Paths.get(home).resolve("features") : dist.resolve("features");
    return new Home(features, dist.resolve("system"));
  }

  private static Path distribution() {
    String override = System.getProperty("isthmus.dist");
    if (override != null) {
      return Paths.get(override);
    }
    try {
      Path jar = Paths.get(Isthmus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
      return dir.resolve("isthmus");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Paths.get("isthmus");
    }
  }

  Path feature(String name) {
    return features.resolve(name.endsWith(".json") ? name : name + ".json");
  }
}
