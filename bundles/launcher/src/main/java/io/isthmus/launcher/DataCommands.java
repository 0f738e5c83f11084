package io.isthmus.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    try {
      return new BatchRun(command, command, "are the " + command + " and store bundles built?")
          .run(dir, output, out -> {
            Map<String, Object> request = new HashMap<>(extra);
            request.put("action", action);
            request.put("out", out);
            request.put("err", System.err);
            request.put("dataDir", dir.toString());
            return request;
          });
    } catch (StartupException e) {
      // The store refuses an embedded database another process holds; SCR logs that, the user sees this.
      if (lockedByAnotherProcess(dir.resolve(H2_FILE))) {
        throw new StartupException("the store in " + data.dataDir + " is in use by another Isthmus process;"
            + " stop it first (while it runs, /api/v1 serves the same data)");
      }
      throw e;
    }
  }

  /** The embedded database's file; H2 holds a file lock on it while a process has it open. */
  private static final String H2_FILE = "store/isthmus.mv.db";

  private static boolean lockedByAnotherProcess(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (IOException | OverlappingFileLockException e) {
      return false;
    }
  }
}
