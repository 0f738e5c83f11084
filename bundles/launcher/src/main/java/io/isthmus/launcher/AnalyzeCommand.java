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

/**
 * {@code isthmus analyze}: boots the {@code analyze} feature (DS, the pipeline, capture, the
 * protocol decoders and the detection models; no HTTP) and runs the analyze bundle's service,
 * which teaches the models with the baseline captures and reports the findings on the inputs.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the runtime's detection models offline on captures. They learn from the",
        "--baseline captures (findings then are counted, not reported); every finding on",
        "the --input captures is then written, sorted by time, as JSON lines or a table.",
        "Without --baseline the models learn from the input as they do live.",
        "Exit code 0 with or without findings, 1 if a file is not a readable capture,",
        "2 for usage errors."})
final class AnalyzeCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("jsonl", "table");

  @Option(names = "--baseline", arity = "1..*", paramLabel = "FILE",
      description = "Captures of normal traffic to learn from (pcap, pcapng, gzip-compressed too).")
  List<String> baselines = List.of();

  @Option(names = "--input", arity = "1..*", required = true, paramLabel = "FILE", description = "Captures to analyze.")
  List<String> inputs = List.of();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (one JSON object a line) or table (default: ${DEFAULT-VALUE}).")
  String format = "jsonl";

  @Option(names = "--model", paramLabel = "ID", split = ",",
      description = "Report only the findings of these model ids (comma-separated or repeated; default: all).")
  List<String> models = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the findings to FILE instead of standard output.")
  @Nullable Path output;

  @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!FORMATS.contains(format)) {
      throw new UsageException("unknown format '" + format + "' (known: " + String.join(", ", FORMATS) + ")");
    }
    // Bundles' INFO lines (each finding is logged) would mix with the summary; warnings and errors still show.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    Home home = Home.locate();
    FeatureSet features = FeatureSet.read(FeatureArguments.resolve(home, List.of("analyze")));
    OutputStream out = openOutput();
    int code;
    Path data = Files.createTempDirectory("isthmus-analyze");
    Thread cleanup = new Thread(() -> deleteTree(data), "isthmus-analyze-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      FelixRuntime runtime = FelixRuntime.start(features, new RuntimeOptions(data, "127.0.0.1", 0, false), home);
      try {
        code = awaitAnalyze(runtime.context()).apply(request(out));
      } finally {
        runtime.stop(10_000);
      }
    } finally {
      deleteTree(data);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // already shutting down: the hook deletes what is left
      }
    }
    return close(out, code);
  }

  private Map<String, Object> request(OutputStream out) {
    Map<String, Object> request = new HashMap<>();
    request.put("baselines", baselines);
    request.put("inputs", inputs);
    request.put("format", format);
    request.put("models", models);
    request.put("out", out);
    request.put("err", System.err);
    request.put("progress", !quiet && DecodeCommand.stderrIsTerminal());
    request.put("quiet", quiet);
    return request;
  }

  private int close(OutputStream out, int code) {
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

  private OutputStream openOutput() {
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

  /** The analyze service, registered once SCR has the pipeline, the capture service and the bundle. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Function<Map<String, Object>, Integer> awaitAnalyze(BundleContext context) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        for (ServiceReference<Function> ref : context.getServiceReferences(Function.class, "(isthmus.command=analyze)")) {
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
        throw new StartupException("the analyze service is not running"
            + (inactive != null ? ": " + inactive : " (are the analyze, pipeline and capture bundles built?)"));
      }
      Thread.sleep(5);
    }
  }

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

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  /** Standard output whose write errors (a closed pipe) surface as IOException instead of being hidden. */
  private static final class CheckedStdout extends OutputStream {
    private final PrintStream out;

    CheckedStdout(PrintStream out) {
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
      out.flush();
      check();
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    private void check() throws IOException {
      if (out.checkError()) {
        throw new IOException("Broken pipe");
      }
    }
  }
}
