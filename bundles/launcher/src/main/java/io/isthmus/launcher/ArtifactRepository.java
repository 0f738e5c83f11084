package io.isthmus.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.feature.ID;

/** Finds the jar of a feature's bundle id in Maven repository layout folders. */
final class ArtifactRepository {
  private final List<Path> roots;

  ArtifactRepository(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  static ArtifactRepository standard(Home home) {
    List<Path> roots = new ArrayList<>();
    roots.add(home.system());
    String m2 = System.getProperty("maven.repo.local");
    roots.add(m2 != null ? Paths.get(m2) : Paths.get(System.getProperty("user.home"), ".m2", "repository"));
    return new ArtifactRepository(roots);
  }

  Path resolve(ID id) {
    String relative = id.getGroupId().replace('.', '/') + "/" + id.getArtifactId() + "/" + id.getVersion() + "/"
        + id.getArtifactId() + "-" + id.getVersion()
        + id.getClassifier().map(c -> "-" + c).orElse("") + "." + id.getType().orElse("jar");
    for (Path root : roots) {
      Path candidate = root.resolve(relative);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new StartupException("bundle " + id + " not found in " + roots.get(0) + " (build with: mvn -q install -DskipTests)");
  }
}
