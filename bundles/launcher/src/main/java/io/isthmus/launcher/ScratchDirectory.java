package io.isthmus.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A batch command's throwaway directory (framework cache, and data when none is given). Kept in
 * memory when the system offers a memory-backed directory with room ({@code $XDG_RUNTIME_DIR},
 * else {@code /dev/shm}): Felix writes every bundle into its cache at each start and the directory
 * is deleted at the end, which on disk cost ~50 ms of a ~0.7 s {@code isthmus decode}. Elsewhere,
 * or when that directory is small (containers give 64 MB), the system's temporary directory.
 * Directories left by a process that was killed are removed by the next one.
 */
final class ScratchDirectory {
  private static final long MIN_FREE_BYTES = 512L << 20;

  private ScratchDirectory() {}

  static Path create(String command) throws IOException {
    String prefix = "isthmus-" + command + "-" + ProcessHandle.current().pid() + "-";
    Path memory = memoryBacked();
    if (memory != null) {
      removeAbandoned(memory);
      try {
        return Files.createTempDirectory(memory, prefix);
      } catch (IOException | SecurityException e) {
        // the temporary directory below will do
      }
    }
    Path dir = Files.createTempDirectory(prefix);
    removeAbandoned(dir.getParent());
    return dir;
  }

  static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  private static @Nullable Path memoryBacked() {
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    for (String candidate : new String[] {runtimeDir, "/dev/shm"}) {
      if (candidate == null || candidate.isEmpty()) {
        continue;
      }
      Path dir = Paths.get(candidate);
      try {
        if (Files.isDirectory(dir) && Files.isWritable(dir) && Files.getFileStore(dir).getUsableSpace() >= MIN_FREE_BYTES) {
          return dir;
        }
      } catch (IOException | SecurityException e) {
        // not usable; try the next
      }
    }
    return null;
  }

  /** Removes this launcher's directories whose process is gone (killed before it could clean up). */
  private static void removeAbandoned(Path parent) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, "isthmus-*-*-*")) {
      for (Path dir : dirs) {
        long pid = pid(dir.getFileName().toString());
        if (pid > 0 && pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
          delete(dir);
        }
      }
    } catch (IOException | SecurityException e) {
      // nothing to tidy, or not ours to tidy
    }
  }

  /** The process id in {@code isthmus-COMMAND-PID-RANDOM}, or -1. */
  static long pid(String name) {
    String[] parts = name.split("-");
    if (parts.length < 4 || !parts[0].equals("isthmus")) {
      return -1;
    }
    try {
      return Long.parseLong(parts[parts.length - 2]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
