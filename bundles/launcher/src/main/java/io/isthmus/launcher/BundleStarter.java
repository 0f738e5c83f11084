package io.isthmus.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Starts the installed bundles in their features' start order from the launcher's thread, and the
 * bundles named in {@link #PARALLEL} (the HTTP server, the slowest to start) on a thread of their
 * own meanwhile. Felix's start-level thread cannot do this: raising a level walks and locks every
 * bundle in turn, so it would wait for the one starting elsewhere. The framework is already at the
 * highest level when this runs, and start levels still order the stop.
 */
final class BundleStarter {
  /** Framework property: symbolic names of bundles that need neither the features' configurations nor an order. */
  static final String PARALLEL = "isthmus.start.parallel";
  /** Framework property: the start order that waits for the parallel bundles (default: none, they are awaited at the end). */
  static final String PARALLEL_BEFORE = "isthmus.start.parallel.before";

  private final TreeMap<Integer, List<Bundle>> byOrder = new TreeMap<>();
  private final List<Bundle> parallel = new ArrayList<>();
  private final Set<String> parallelNames;
  private final int parallelBefore;
  private final List<String> failures = new CopyOnWriteArrayList<>();

  BundleStarter(String parallelNames, String parallelBefore) {
    this.parallelNames = Set.of(parallelNames.split("\\s*,\\s*"));
    try {
      this.parallelBefore = parallelBefore.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(parallelBefore.trim());
    } catch (NumberFormatException e) {
      throw new StartupException(PARALLEL_BEFORE + " is not a start order: " + parallelBefore);
    }
  }

  void add(Bundle bundle, int startOrder) {
    if (parallelNames.contains(bundle.getSymbolicName())) {
      parallel.add(bundle);
    } else {
      byOrder.computeIfAbsent(startOrder, k -> new ArrayList<>()).add(bundle);
    }
  }

  /** Starts every bundle; {@code afterOrder} runs once the bundles of each start order have started. */
  void startAll(IntConsumer afterOrder) throws InterruptedException {
    Thread side = new Thread(() -> parallel.forEach(this::start), "isthmus-parallel-start");
    side.start();
    try {
      for (var group : byOrder.entrySet()) {
        int order = group.getKey();
        if (order >= parallelBefore) {
          side.join();
        }
        group.getValue().forEach(this::start);
        FelixRuntime.timing("start order " + order);
        afterOrder.accept(order);
      }
    } finally {
      side.join();
    }
  }

  private void start(Bundle bundle) {
    try {
      bundle.start(Bundle.START_ACTIVATION_POLICY);
    } catch (BundleException | IllegalStateException e) {
      failures.add(bundle.getSymbolicName() + ": " + e.getMessage());
    }
  }

  List<String> failures() {
    return List.copyOf(failures);
  }
}
