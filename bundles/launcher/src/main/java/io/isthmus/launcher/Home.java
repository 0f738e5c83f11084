package io.isthmus.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the launcher finds its features, demo data and bundles. The root is {@code
 * isthmus.home} if set (the {@code ./isthmus} script sets it to the repository root), else the
 * {@code isthmus/} distribution folder beside the launcher jar. Bundles are looked up in the
 * distribution's {@code system/} folder (Maven repository layout), then in the local Maven
 * repository.
 */
record Home(Path root, Path system) {

  static Home locate() {
    Path dist = distribution();
    String home = System.getProperty("isthmus.home");
    return new Home(home != null ? Paths.get(home).toAbsolutePath().normalize() : dist, dist.resolve("system"));
  }

  private static Path distribution() {
    String override = System.getProperty("isthmus.dist");
    if (override != null) {
      return Paths.get(override).toAbsolutePath().normalize();
    }
    try {
      Path jar = Paths.get(Isthmus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().resolve("isthmus").toAbsolutePath().normalize();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Paths.get("isthmus").toAbsolutePath();
    }
  }

  Path features() {
    return root.resolve("features");
  }

  Path feature(String name) {
    return features().resolve(name.endsWith(".json") ? name : name + ".json");
  }
}
