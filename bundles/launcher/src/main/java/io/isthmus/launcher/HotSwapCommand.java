package io.isthmus.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code isthmus bench hot-swap}: boots the core with the counting model, drives events at a
 * steady rate and updates the model bundle several times; the last line printed is one JSON object.
 */
@Command(name = "hot-swap", mixinStandardHelpOptions = true,
    description = "Drive events through the pipeline while updating a model bundle; print the result as JSON.")
final class HotSwapCommand implements Callable<Integer> {

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "20", description = "Run time (default: ${DEFAULT-VALUE}).")
  int duration = 20;

  @Option(names = "--rate", paramLabel = "EVENTS_PER_S", defaultValue = "200000", description = "Offered load (default: ${DEFAULT-VALUE}).")
  long rate = 200_000;

  @Option(names = "--swaps", paramLabel = "N", defaultValue = "10", description = "Bundle updates (default: ${DEFAULT-VALUE}).")
  int swaps = 10;

  @Option(names = "--publishers", paramLabel = "N", defaultValue = "1", description = "Publishing threads (default: ${DEFAULT-VALUE}).")
  int publishers = 1;

  @Option(names = "--devices", paramLabel = "N", defaultValue = "1000", description = "Distinct devices (default: ${DEFAULT-VALUE}).")
  int devices = 1000;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (duration < 1 || rate < 1 || swaps < 0 || publishers < 1 || devices < 1) {
      throw new UsageException("duration, rate, publishers and devices must be positive, swaps not negative");
    }
    Home home = Home.locate();
    FeatureSet features = FeatureSet.read(FeatureArguments.resolve(home, List.of("core", "model-counting", "bench")));
    Path data = Files.createTempDirectory("isthmus-bench");
    FelixRuntime runtime = FelixRuntime.start(features, new RuntimeOptions(data, "127.0.0.1", 0, false), home);
    try {
      Function<Map<String, Object>, String> bench = awaitBench(runtime.context());
      System.err.printf("isthmus: hot-swap benchmark: %d s at %d events/s, %d swaps%n", duration, rate, swaps);
      String json = bench.apply(Map.of("duration_s", duration, "rate", rate, "swaps", swaps,
          "publishers", publishers, "devices", devices));
      System.out.println(json);
      return 0;
    } catch (IllegalStateException e) {
      throw new StartupException(e.getMessage(), e);
    } finally {
      runtime.stop(60_000);
      deleteTree(data);
    }
  }

  @SuppressWarnings("unchecked")
  private static Function<Map<String, Object>, String> awaitBench(BundleContext context) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        Collection<ServiceReference<Function>> refs = context.getServiceReferences(Function.class, "(isthmus.bench=hot-swap)");
        for (ServiceReference<Function> ref : refs) {
          Function<Map<String, Object>, String> f = context.getService(ref);
          if (f != null) {
            return f;
          }
        }
      } catch (InvalidSyntaxException e) {
        throw new IllegalStateException(e);
      }
      Thread.sleep(20);
    }
    throw new StartupException("the hot-swap benchmark service did not start within 30 s (is the bench bundle built?)");
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
