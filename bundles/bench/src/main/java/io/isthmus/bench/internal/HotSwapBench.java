package io.isthmus.bench.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.LatencyHistogram;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives events through the pipeline at a steady rate while updating the counting model's
 * bundle to new versions, and reports what was lost, what else restarted and the latencies.
 * Registered under a JDK type so the launcher, outside the framework, can call it.
 */
@Component(service = Function.class, property = "isthmus.bench=hot-swap")
public final class HotSwapBench implements Function<Map<String, Object>, String> {
  private static final Logger LOG = LoggerFactory.getLogger(HotSwapBench.class);
  static final String MODEL_BSN = "io.isthmus.model.counting";

  private final BundleContext context;
  private final TelemetryPipeline pipeline;

  @Activate
  public HotSwapBench(BundleContext context, @Reference TelemetryPipeline pipeline) {
    this.context = context;
    this.pipeline = pipeline;
  }

  @Override
  public String apply(Map<String, Object> params) {
    try {
      return run(((Number) params.get("duration_s")).intValue(), ((Number) params.get("rate")).longValue(),
          ((Number) params.get("swaps")).intValue(), ((Number) params.get("publishers")).intValue(),
          ((Number) params.get("devices")).intValue());
    } catch (IOException | BundleException | InvalidSyntaxException e) {
      throw new IllegalStateException("hot-swap benchmark failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("hot-swap benchmark interrupted", e);
    }
  }

  private String run(int durationS, long rate, int swaps, int publishers, int devices)
      throws IOException, BundleException, InterruptedException, InvalidSyntaxException {
    Bundle model = findBundle(MODEL_BSN);
    Path original = Path.of(URI.create(model.getLocation().replaceFirst("^reference:", "")));
    Path dir = Files.createTempDirectory("isthmus-hot-swap");
    List<Path> versions = new ArrayList<>();
    for (int i = 1; i <= swaps; i++) {
      String v = model.getVersion().getMajor() + "." + model.getVersion().getMinor() + "." + model.getVersion().getMicro()
          + String.format(Locale.ROOT, ".swap%02d", i);
      versions.add(VersionedJar.write(original, dir.resolve("model-" + i + ".jar"), v));
    }
    AtomicInteger otherEvents = new AtomicInteger();
    List<String> otherLog = new ArrayList<>();
    SynchronousBundleListener watcher = event -> {
      if (event.getBundle().getBundleId() != model.getBundleId() && event.getType() != BundleEvent.STARTING
          && event.getType() != BundleEvent.STOPPING) {
        otherEvents.incrementAndGet();
        synchronized (otherLog) {
          otherLog.add(event.getBundle().getSymbolicName() + " " + event.getType());
        }
      }
    };
    context.addBundleListener(watcher);
    LatencyHistogram start = pipeline.status().latency();
    long[] swapWindow = new long[LatencyHistogram.BUCKETS];
    long swapMax = 0;
    long swapMillisMax = 0;
    List<Publisher> pubs = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    long began = System.nanoTime();
    try (EventChannel channel = pipeline.openChannel("bench:hot-swap", SourceKind.FILE_REPLAY)) {
      var events = EventFactory.build(devices);
      for (int p = 0; p < publishers; p++) {
        Publisher pub = new Publisher(channel, events, rate / publishers, p * 7);
        Thread t = new Thread(pub, "isthmus-bench-publisher-" + p);
        pubs.add(pub);
        threads.add(t);
        t.start();
      }
      long interval = TimeUnit.SECONDS.toNanos(durationS) / (swaps + 1);
      for (int i = 0; i < swaps; i++) {
        sleepUntil(began + interval * (i + 1));
        LatencyHistogram before = pipeline.status().latency();
        long t0 = System.nanoTime();
        String expected = versionOf(versions.get(i));
        try (InputStream in = Files.newInputStream(versions.get(i))) {
          model.update(in);
        }
        refresh(model);
        awaitActive("counting@" + expected);
        swapMillisMax = Math.max(swapMillisMax, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        // The window covers the swap and the replay of held events, plus a margin for their tail.
        Thread.sleep(250);
        LatencyHistogram window = pipeline.status().latency().minus(before);
        long[] c = window.counts();
        for (int b = 0; b < c.length; b++) {
          swapWindow[b] += c[b];
        }
        swapMax = Math.max(swapMax, window.quantileNanos(1.0));
        LOG.info("swap {}/{} to {} took {} ms", i + 1, swaps, expected, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) - 250);
      }
      sleepUntil(began + TimeUnit.SECONDS.toNanos(durationS));
      for (Publisher p : pubs) {
        p.stop();
      }
      for (Thread t : threads) {
        t.join();
      }
    } finally {
      context.removeBundleListener(watcher);
    }
    double elapsedS = (System.nanoTime() - began) / 1e9;
    long sent = pubs.stream().mapToLong(p -> p.sent.get()).sum();
    awaitDrained();
    long scored = modelTotal();
    LatencyHistogram all = pipeline.status().latency().minus(start);
    LatencyHistogram swapsOnly = new LatencyHistogram(swapWindow, swapMax);
    deleteQuietly(dir, versions);
    if (!otherLog.isEmpty()) {
      LOG.warn("other bundles changed state during the swaps: {}", otherLog);
    }
    return String.format(Locale.ROOT,
        "{\"events_sent\":%d,\"events_scored\":%d,\"events_lost\":%d,\"bundles_restarted_other\":%d,"
            + "\"events_per_second\":%.0f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p99_ms_during_swap\":%.3f,\"max_ms\":%.3f,"
            + "\"swaps\":%d,\"swap_ms_max\":%d,\"duration_s\":%.1f,\"workers\":%d,\"model_errors\":%d}",
        sent, scored, sent - scored, otherEvents.get(), sent / elapsedS,
        ms(all.quantileNanos(0.50)), ms(all.quantileNanos(0.99)), ms(swapsOnly.quantileNanos(0.99)), ms(all.maxNanos()),
        swaps, swapMillisMax, elapsedS, pipeline.status().workers(), pipeline.status().modelErrors());
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private Bundle findBundle(String bsn) {
    for (Bundle b : context.getBundles()) {
      if (bsn.equals(b.getSymbolicName())) {
        return b;
      }
    }
    throw new IllegalStateException("bundle " + bsn + " is not installed");
  }

  private static String versionOf(Path jar) throws IOException {
    try (var in = new java.util.jar.JarInputStream(Files.newInputStream(jar))) {
      return in.getManifest().getMainAttributes().getValue("Bundle-Version");
    }
  }

  /**
   * Refreshes the bundle if the framework still keeps its old revision. A plugin that exports
   * nothing has no wires to it, so its old revision goes at once and a refresh, which would
   * stop and start it a second time, is not needed.
   */
  private void refresh(Bundle bundle) throws InterruptedException {
    FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
    if (!wiring.getRemovalPendingBundles().contains(bundle)) {
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    wiring.refreshBundles(List.of(bundle), e -> {
      if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
        done.countDown();
      }
    });
    if (!done.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("refresh of " + bundle.getSymbolicName() + " did not finish in 30 s");
    }
  }

  private void awaitActive(String label) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      PipelineStatus s = pipeline.status();
      if (s.models().contains(label) && s.parkedModels().isEmpty()) {
        return;
      }
      Thread.sleep(1);
    }
    throw new IllegalStateException(label + " did not become active within 30 s: " + pipeline.status().models());
  }

  private void awaitDrained() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      PipelineStatus s = pipeline.status();
      if (s.eventsScored() >= s.eventsIn() && s.queueDepth() == 0) {
        return;
      }
      Thread.sleep(5);
    }
  }

  private long modelTotal() throws InvalidSyntaxException {
    var refs = context.getServiceReferences(DetectionModel.class, "(isthmus.model=counting)");
    if (refs.size() != 1) {
      throw new IllegalStateException("expected one counting model, found " + refs.size());
    }
    ServiceReference<DetectionModel> ref = refs.iterator().next();
    DetectionModel m = context.getService(ref);
    try {
      if (m == null) {
        throw new IllegalStateException("the counting model went away");
      }
      return ByteBuffer.wrap(m.exportState().data()).getLong();
    } finally {
      context.ungetService(ref);
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(wait, 100_000_000));
    }
  }

  private static void deleteQuietly(Path dir, List<Path> files) {
    try {
      for (Path f : files) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      LOG.debug("could not delete {}: {}", dir, e.toString());
    }
  }
}
