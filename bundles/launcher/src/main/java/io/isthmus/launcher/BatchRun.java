package io.isthmus.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A batch command ({@code decode}, {@code analyze}): boots a small feature in a throwaway
 * framework, hands the request to the bundle service registered with {@code isthmus.command=<name>}
 * (a {@code Function<Map<String, Object>, Integer>}), and returns its exit code.
 *
 * @param feature the feature file to boot, by name
 * @param command the service's {@code isthmus.command}
 * @param missing what to check when the service never appears, e.g. "is the capture bundle built?"
 */
record BatchRun(String feature, String command, String missing) {

  /**
   * Runs the command, writing to {@code output} (standard output if null). {@code request} gets
   * the stream to write to and returns the request the service takes.
   */
  int run(@Nullable Path output, Function<OutputStream, Map<String, Object>> request)
      throws IOException, InterruptedException {
    return run(null, output, request);
  }

  /**
   * Runs the command on the data directory {@code dataDir} (its store, configuration and keys), or
   * on a throwaway one if null. The framework cache is always a throwaway directory, so this works
   * beside a runtime that uses the same data directory.
   */
  int run(@Nullable Path dataDir, @Nullable Path output, Function<OutputStream, Map<String, Object>> request)
      throws IOException, InterruptedException {
    // Bundles' INFO lines would mix with the summary; warnings and errors still show.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    Home home = Home.locate();
    FeatureSet features = FeatureSet.read(FeatureArguments.resolve(home, List.of(feature)));
    FelixRuntime.timing("features read");
    OutputStream out = open(output);
    int code;
    Path scratch = ScratchDirectory.create(command);
    Path data = dataDir != null ? dataDir : scratch;
    // Ctrl-C ends the JVM without the finally below: the framework cache still goes.
    Thread cleanup = new Thread(() -> ScratchDirectory.delete(scratch), "isthmus-" + command + "-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      RuntimeOptions options = new RuntimeOptions(data, "127.0.0.1", 0, false, scratch.resolve("cache"));
      FelixRuntime runtime = FelixRuntime.start(features, options, home);
      try {
        FelixRuntime.timing("framework started");
        code = awaitService(runtime.context()).apply(request.apply(out));
        FelixRuntime.timing(command + " done");
      } finally {
        runtime.stop(10_000);
        FelixRuntime.timing("stopped");
      }
    } finally {
      ScratchDirectory.delete(scratch);
      removeHook(cleanup);
    }
    return close(out, output, code);
  }

  /** Closes the output; a failure there (a full disk shows on close) fails the command. */
  private static int close(OutputStream out, @Nullable Path output, int code) {
    try {
      out.close();
      return code;
    } catch (IOException e) {
      if (code == 0) {
        System.err.println("isthmus: cannot write " + (output == null ? "standard output" : output) + ": " + e.getMessage());
      }
      return 1;
    }
  }

  private static OutputStream open(@Nullable Path output) {
    if (output == null) {
      return new CheckedStdout(System.out);
    }
    try {
      return Files.newOutputStream(output);
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot write " + output + ": permission denied");
    } catch (IOException e) {
      throw new UsageException("cannot write " + output + ": " + e.getMessage());
    }
  }

  /**
   * The command's service. SCR registers it while its bundle starts, so it is there once the
   * framework is up, unless a bundle did not start: then that reason is the one line.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Function<Map<String, Object>, Integer> awaitService(BundleContext context) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        for (ServiceReference<Function> ref : context.getServiceReferences(Function.class, "(isthmus.command=" + command + ")")) {
          Function f = context.getService(ref);
          if (f != null) {
            return f;
          }
        }
      } catch (InvalidSyntaxException e) {
        throw new IllegalStateException(e);
      }
      String inactive = inactiveBundle(context);
      if (inactive != null || System.nanoTime() > deadline) {
        throw new StartupException("the " + command + " service is not running"
            + (inactive != null ? ": " + inactive : " (" + missing + ")"));
      }
      Thread.sleep(5);
    }
  }

  /** The first bundle that is neither active nor a fragment, with why it does not start. */
  private static @Nullable String inactiveBundle(BundleContext context) {
    for (Bundle b : context.getBundles()) {
      if (b.getState() == Bundle.ACTIVE || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
        continue;
      }
      try {
        b.start(Bundle.START_TRANSIENT);
      } catch (BundleException e) {
        return b.getSymbolicName() + " does not start: " + String.valueOf(e.getMessage()).replace('\n', ' ');
      }
    }
    return null;
  }

  /**
   * On Linux, where file descriptor 2 leads; elsewhere {@link System#console()}, which also needs
   * standard input and output on a terminal (so {@code decode x.pcap > out.json} would show no bar).
   */
  /** Fails with a usage error unless {@code format} is one of {@code known}. */
  static void checkFormat(String format, List<String> known) {
    if (!known.contains(format)) {
      throw new UsageException("unknown format '" + format + "' (known: " + String.join(", ", known) + ")");
    }
  }

  /**
   * The entries every batch service's request has: where the output goes, standard error, and
   * whether to show progress (not when quiet, nor when standard error is not a terminal).
   */
  static Map<String, Object> request(OutputStream out, boolean quiet) {
    Map<String, Object> request = new HashMap<>();
    request.put("out", out);
    request.put("err", System.err);
    request.put("progress", !quiet && stderrIsTerminal());
    request.put("quiet", quiet);
    return request;
  }

  static boolean stderrIsTerminal() {
    try {
      Path fd = Path.of("/proc/self/fd/2");
      if (Files.isSymbolicLink(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall back to the console
    }
    return System.console() != null;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs and finds nothing left to delete
    }
  }
}
