package io.isthmus.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code --feature} arguments (a path, or the name of a feature in the home's features folder) into files. */
final class FeatureArguments {
  private FeatureArguments() {}

  static List<Path> resolve(Home home, List<String> arguments) {
    List<Path> files = new ArrayList<>();
    for (String arg : arguments) {
      Path asGiven = Paths.get(arg);
      if (Files.isRegularFile(asGiven)) {
        files.add(asGiven);
        continue;
      }
      Path named = home.feature(arg);
      if (Files.isRegularFile(named)) {
        files.add(named);
        continue;
      }
      throw new UsageException("feature '" + arg + "' is neither a file nor a feature in " + home.features());
    }
    return files;
  }
}
