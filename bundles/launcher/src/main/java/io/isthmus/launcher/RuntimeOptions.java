package io.isthmus.launcher;

import java.nio.file.Path;

/**
 * How to boot the runtime.
 *
 * @param dataDir holds the framework cache, Config Admin state and the deploy folder
 * @param httpHost address the HTTP service binds to
 * @param httpPort port of the HTTP service; 0 disables HTTP
 * @param shell whether the Gogo shell reads commands from the terminal
 * @param cacheDir the framework cache: {@code <dataDir>/cache} for the runtime; a throwaway directory
 *     for a command that works on the data of a runtime that may be running
 */
record RuntimeOptions(Path dataDir, String httpHost, int httpPort, boolean shell, Path cacheDir) {

  RuntimeOptions(Path dataDir, String httpHost, int httpPort, boolean shell) {
    this(dataDir, httpHost, httpPort, shell, dataDir.resolve("cache"));
  }

  Path deployDir() {
    return dataDir.resolve("deploy");
  }
}
