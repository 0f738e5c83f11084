package io.isthmus.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isthmus decode}: boots the small {@code decode} feature (DS, the API, capture and the
 * protocol decoders; no HTTP, no pipeline) and runs the capture bundle's decode service, which
 * streams Zeek-style rows to standard output or a file.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Decode pcap/pcapng captures with the runtime's protocol decoders.",
        "Writes Zeek's logs (modbus_detailed, ..., weird) as JSON lines, or a table for reading.",
        "Exit code 0 even with weirds, 1 if a file is not a readable capture, 2 for usage errors."})
final class DecodeCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("zeek-json", "table");

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files (pcap, pcapng, gzip-compressed too).")
  List<String> files = List.of();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "zeek-json",
      description = "zeek-json (one JSON object a line, Zeek's JSON writer conventions) or table (default: ${DEFAULT-VALUE}).")
  String format = "zeek-json";

  @Option(names = "--protocol", paramLabel = "P", split = ",",
      description = "Use only these protocol decoders (comma-separated or repeated; default: all).")
  List<String> protocols = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the rows to FILE instead of standard output.")
  @Nullable Path output;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    FelixRuntime.timing("command parsed");
    if (!FORMATS.contains(format)) {
      throw new UsageException("unknown format '" + format + "' (known: " + String.join(", ", FORMATS) + ")");
    }
    // Bundles' INFO lines would mix with the summary; warnings and errors still show.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    Home home = Home.locate();
    FeatureSet features = FeatureSet.read(FeatureArguments.resolve(home, List.of("decode")));
    FelixRuntime.timing("features read");
    OutputStream out = openOutput();
    int code;
    Path data = Files.createTempDirectory("isthmus-decode");
    // Ctrl-C ends the JVM without the finally below: the framework cache still goes.
    Thread cleanup = new Thread(() -> deleteTree(data), "isthmus-decode-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      FelixRuntime runtime = FelixRuntime.start(features, new RuntimeOptions(data, "127.0.0.1", 0, false), home);
      try {
        FelixRuntime.timing("framework started");
        code = awaitDecode(runtime.context()).apply(request(out));
        FelixRuntime.timing("decoded");
      } finally {
        runtime.stop(10_000);
        FelixRuntime.timing("stopped");
      }
    } finally {
      deleteTree(data);
      removeHook(cleanup);
    }
    return close(out, code);
  }

  private Map<String, Object> request(OutputStream out) {
    Map<String, Object> request = new HashMap<>();
    request.put("files", files);
    request.put("format", format);
    request.put("protocols", protocols);
    request.put("out", out);
    request.put("err", System.err);
    request.put("progress", !quiet && stderrIsTerminal());
    request.put("quiet", quiet);
    return request;
  }

  /** Closes the output file; a failure there (a full disk shows on close) fails the command. */
  private int close(OutputStream out, int code) {
    if (output == null) {
      return code;
    }
    try {
      out.close();
      return code;
    } catch (IOException e) {
      if (code == 0) {
        System.err.println("isthmus: cannot write " + output + ": " + e.getMessage());
      }
      return 1;
    }
  }

  private OutputStream openOutput() {
    if (output == null) {
      return new StdoutStream(System.out);
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
   * The capture bundle's decode service. SCR registers it while the bundle starts, so it is there
   * once the framework is up, unless the bundle did not start: then the reason is the one line.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Function<Map<String, Object>, Integer> awaitDecode(BundleContext context) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        for (ServiceReference<Function> ref : context.getServiceReferences(Function.class, "(isthmus.command=decode)")) {
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
        throw new StartupException("the decode service is not running"
            + (inactive != null ? ": " + inactive : " (is the capture bundle built?)"));
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

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  /**
   * Standard output, whose {@link PrintStream} hides write errors: a failed write (the reader of
   * a pipe went away) becomes an IOException, so decoding stops instead of running on for nothing.
   */
  private static final class StdoutStream extends OutputStream {
    private final PrintStream out;

    StdoutStream(PrintStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      check();
    }

    @Override
    public void flush() throws IOException {
      check();
    }

    @Override
    public void close() {
      out.flush();
    }

    private void check() throws IOException {
      if (out.checkError()) {
        throw new IOException("Broken pipe");
      }
    }
  }
}
