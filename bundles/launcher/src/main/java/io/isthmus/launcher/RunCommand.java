package io.isthmus.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code isthmus run}: boots the runtime and serves until SIGTERM or Ctrl-C, then drains and stops. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the Isthmus runtime until stopped (Ctrl-C or SIGTERM drain the pipeline and stop cleanly).")
final class RunCommand implements Callable<Integer> {

  @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
      description = "Framework cache, configuration and the deploy/ folder (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data");

  @Option(names = "--http-port", paramLabel = "N", defaultValue = "8080",
      description = "Port of the health, metrics and API endpoints; 0 disables HTTP (default: ${DEFAULT-VALUE}).")
  int httpPort = 8080;

  @Option(names = "--http-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}, loopback only).")
  String httpHost = "127.0.0.1";

  @Option(names = "--shell", description = "Read Gogo shell commands from the terminal (lb, scr:list, ...).")
  boolean shell;

  @Option(names = "--feature", paramLabel = "FILE", arity = "1..*", split = ",", defaultValue = "core,inventory,triage,governance,demo",
      description = "OSGi feature files (or names in features/) whose bundles to run (default: ${DEFAULT-VALUE}: "
          + "the core with the asset inventory, triage and governance, replaying the bundled demo capture).")
  List<String> features = List.of("core", "inventory", "triage", "governance", "demo");

  @Override
  public Integer call() throws InterruptedException {
    Home home = Home.locate();
    FelixRuntime.timing("command parsed");
    FeatureSet featureSet = FeatureSet.read(FeatureArguments.resolve(home, features));
    FelixRuntime.timing("features read");
    Preflight.dataDirectory(dataDir);
    Preflight.port(httpHost, httpPort);
    RuntimeOptions options = new RuntimeOptions(dataDir, httpHost, httpPort, shell);
    FelixRuntime runtime = FelixRuntime.start(featureSet, options, home);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(runtime), "isthmus-shutdown"));
    printBanner(runtime, options);
    runtime.awaitStop();
    return 0;
  }

  private static void shutdown(FelixRuntime runtime) {
    System.out.println("isthmus: stopping (draining the pipeline)...");
    boolean clean = runtime.stop(60_000);
    System.out.println(clean ? "isthmus: stopped cleanly" : "isthmus: did not stop within 60 s");
    System.out.flush();
  }

  private static void printBanner(FelixRuntime runtime, RuntimeOptions options) {
    StringBuilder out = new StringBuilder();
    out.append("isthmus ").append(Isthmus.version()).append(" running: ")
        .append(runtime.activeBundles()).append('/').append(runtime.totalBundles()).append(" bundles active\n");
    if (options.httpPort() != 0) {
      String base = "http://" + hostForUrl(options.httpHost()) + ":" + options.httpPort();
      out.append("  health:  ").append(base).append("/api/v1/health\n");
      out.append("  metrics: ").append(base).append("/metrics\n");
    }
    out.append("  deploy:  ").append(options.deployDir().toAbsolutePath().normalize())
        .append(" (drop bundles and .cfg files here)\n");
    for (String failure : runtime.startFailures()) {
      out.append("  not started: ").append(failure.replace('\n', ' ')).append('\n');
    }
    out.append("  stop with Ctrl-C or SIGTERM");
    System.out.println(out);
    System.out.flush();
  }

  private static String hostForUrl(String host) {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }
}
