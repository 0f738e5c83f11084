package io.isthmus.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * What the commands on a data directory's store share ({@code assets}, {@code audit}): the
 * {@code --data-dir} option, and a batch run of the command's feature on that directory.
 */
final class DataCommands {

  private DataCommands() {}

  /** The {@code --data-dir} option, mixed into each subcommand. */
  static final class DataDir {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
        description = "The runtime's data directory, whose store is read (default: ${DEFAULT-VALUE}).")
    Path dataDir = Path.of("data");
  }

  /**
   * Runs {@code action} of the bundle service {@code isthmus.command=<command>} on the data directory.
   *
   * @param mustExist whether the data directory must already exist (reading commands)
   * @param extra further request entries (file, format)
   */
  static int run(String command, String action, DataDir data, boolean mustExist, @Nullable Path output,
      Map<String, Object> extra) throws IOException, InterruptedException {
    FelixRuntime.timing("command parsed");
    Path dir = data.dataDir.toAbsolutePath().normalize();
    if (mustExist && !Files.isDirectory(dir)) {
      throw new UsageException("no data directory " + data.dataDir + " (give the runtime's with --data-dir)");
    }
    Preflight.dataDirectory(dir);
    return new BatchRun(command, command, "are the " + command + " and store bundles built?")
        .run(dir, output, out -> {
          Map<String, Object> request = new HashMap<>(extra);
          request.put("action", action);
          request.put("out", out);
          request.put("err", System.err);
          request.put("dataDir", dir.toString());
          return request;
        });
  }
}
