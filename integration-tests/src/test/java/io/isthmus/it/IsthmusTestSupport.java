package io.isthmus.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.jspecify.annotations.Nullable;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots Felix with the Isthmus core runtime (the bundles and framework properties of
 * features/core.json) and offers what the tests share: the counting model's jar, events, waiting,
 * and a finding collector. Each test method gets a framework of its own (Pax Exam's default
 * per-method reactor), so no test sees another's bundles or configuration.
 *
 * <p>Every bundle reaches the framework as a file: Maven's dependency plugin resolves it, failsafe
 * passes its path as the system property {@code isthmus.it.bundle.<artifactId>} (see the pom).
 */
public abstract class IsthmusTestSupport {

  /** What a test run needs instead of the feature's launching properties. */
  static final Map<String, String> TEST_PROPERTIES = Map.of(
      // the shell must never read the forked test JVM's stdin (failsafe talks to it there)
      "gosh.args", "--nointeractive",
      // a free port, so builds on one machine (or a running ./isthmus) do not collide on 8080
      "org.osgi.service.http.port", "0");

  static final String RUNTIME_LOCATIONS = "isthmus.it.runtime";

  static final int FRAMEWORK_START_LEVEL = 10;

  /** The counting model, installed by the tests themselves. */
  static final String COUNTING_MODEL = "isthmus-model-counting";
  static final String COUNTING_ID = "counting";
  static final String COUNTING_COMPONENT = "io.isthmus.model.counting.internal.CountingModel";
  static final Duration WAIT = Duration.ofSeconds(30);

  @Inject
  protected BundleContext context;

  @Configuration
  public Option[] config() throws IOException {
    List<Option> options = new ArrayList<>();
    options.add(junitBundles());
    options.add(frameworkStartLevel(FRAMEWORK_START_LEVEL));
    // JCTools imports sun.misc (optionally) for Unsafe
    options.add(systemPackage("sun.misc"));
    // As in the launcher, SLF4J comes from the class path as system packages, at 2.x and at
    // 1.7.36 for bundles (Pax Exam's own) that import [1.7,2).
    for (String version : new String[] {CoreFeature.property("isthmus.it.slf4j.version"), "1.7.36"}) {
      for (String pkg : new String[] {"org.slf4j", "org.slf4j.event", "org.slf4j.helpers", "org.slf4j.spi"}) {
        options.add(systemPackage(pkg + ";version=\"" + version + "\""));
      }
    }
    Map<String, String> properties = new HashMap<>(CoreFeature.launchingProperties());
    properties.putAll(TEST_PROPERTIES);
    properties.forEach((k, v) -> options.add(frameworkProperty(k).value(v)));
    // FileInstall watches an empty folder of its own and keeps its temporary files under target/
    File deploy = Files.createDirectories(new File(workDir(), "deploy").toPath()).toFile();
    File fileinstallTmp = Files.createDirectories(new File(workDir(), "fileinstall-tmp").toPath()).toFile();
    options.add(frameworkProperty("felix.fileinstall.dir").value(deploy.getAbsolutePath()));
    options.add(frameworkProperty("felix.fileinstall.tmpdir").value(fileinstallTmp.getAbsolutePath()));
    List<String> locations = new ArrayList<>();
    for (CoreFeature.RuntimeBundle b : CoreFeature.bundles()) {
      String location = b.file().toURI().toString();
      locations.add(location);
      options.add(bundle(location).startLevel(b.startLevel()).start());
    }
    // Tells the test code, which runs inside the framework, what the feature installed.
    options.add(frameworkProperty(RUNTIME_LOCATIONS).value(String.join(",", locations)));
    return options.toArray(new Option[0]);
  }

  static File workDir() {
    return new File(CoreFeature.property("isthmus.it.workdir"));
  }

  /** The jar of one of our bundles, as built into the launcher's distribution. */
  static File bundleFile(String artifactId) {
    return CoreFeature.file("io.isthmus:" + artifactId + ":" + CoreFeature.property("isthmus.it.version"));
  }

  /** Fails unless every bundle of the core feature is installed and active. */
  protected void assertRuntimeActive() {
    Map<String, Bundle> byLocation = new HashMap<>();
    for (Bundle b : context.getBundles()) {
      byLocation.put(b.getLocation(), b);
    }
    for (String location : context.getProperty(RUNTIME_LOCATIONS).split(",")) {
      Bundle b = byLocation.get(location);
      assertNotNull(location + " is not installed", b);
      assertEquals(location + " is not active", Bundle.ACTIVE, b.getState());
    }
  }

  // ---------------------------------------------------------------- services

  /**
   * Waits for a service and gets it for the test bundle, which keeps it until the framework stops
   * (a tracker's service object would be invalid once the tracker closes, e.g. Config Admin's).
   */
  protected <T> T awaitService(Class<T> type, @Nullable String filter) throws Exception {
    ServiceTracker<T, T> tracker = filter == null
        ? new ServiceTracker<>(context, type, null)
        : new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
    tracker.open();
    try {
      assertNotNull("no " + type.getSimpleName() + " service " + (filter == null ? "" : filter) + " within " + WAIT,
          tracker.waitForService(WAIT.toMillis()));
      ServiceReference<T> ref = tracker.getServiceReference();
      T service = ref == null ? null : context.getService(ref);
      assertNotNull(type.getSimpleName() + " service went away", service);
      return service;
    } finally {
      tracker.close();
    }
  }

  protected TelemetryPipeline pipeline() throws Exception {
    return awaitService(TelemetryPipeline.class, null);
  }

  /**
   * Calls {@code f} on the counting model registered now, without keeping the service object
   * (a test that holds a model instance would itself keep the old revision's class loader).
   */
  protected <R> @Nullable R withCountingModel(Function<DetectionModel, R> f) throws InvalidSyntaxException {
    for (ServiceReference<DetectionModel> ref : context.getServiceReferences(DetectionModel.class, "(isthmus.model=" + COUNTING_ID + ")")) {
      DetectionModel model = context.getService(ref);
      if (model == null) {
        continue;
      }
      try {
        return f.apply(model);
      } finally {
        context.ungetService(ref);
      }
    }
    return null;
  }

  /** Waits for the counting model registered with a version that {@code expected} accepts. */
  protected String awaitCountingModel(Predicate<String> expected, String what) throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    waitUntil("counting model " + what, () -> {
      try {
        String v = withCountingModel(DetectionModel::version);
        seen.set(v);
        return v != null && expected.test(v);
      } catch (InvalidSyntaxException e) {
        throw new IllegalStateException(e);
      }
    });
    return seen.get();
  }

  /**
   * The total events the counting model has seen across its versions: the first 8 bytes of its
   * exported state. Call it when the pipeline is drained; the model's export is not meant to run
   * while a worker changes a device's counts, so a concurrent modification is retried.
   */
  protected long countingTotal() throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        Long total = withCountingModel(m -> ByteBuffer.wrap(m.exportState().data()).getLong());
        assertNotNull("no counting model registered", total);
        return total;
      } catch (ConcurrentModificationException e) {
        if (attempt > 100) {
          throw e;
        }
        Thread.sleep(5);
      }
    }
  }

  /** Waits until every accepted event is scored and no model lane is parked. */
  protected PipelineStatus awaitDrained(TelemetryPipeline pipeline) {
    AtomicReference<PipelineStatus> last = new AtomicReference<>();
    waitUntil(() -> "pipeline drained, last status " + last.get(), () -> {
      PipelineStatus s = pipeline.status();
      last.set(s);
      return s.queueDepth() == 0 && s.eventsScored() == s.eventsIn() && s.parkedModels().isEmpty();
    });
    return last.get();
  }

  // ---------------------------------------------------------------- bundles

  protected Bundle installCountingModel() throws Exception {
    Bundle bundle;
    try (InputStream in = Files.newInputStream(bundleFile(COUNTING_MODEL).toPath())) {
      bundle = context.installBundle("isthmus-it:" + COUNTING_MODEL, in);
    }
    bundle.start();
    return bundle;
  }

  /** Updates {@code bundle} to {@code jar} and refreshes it, waiting for PACKAGES_REFRESHED. */
  protected void updateAndRefresh(Bundle bundle, byte[] jar) throws BundleException, InterruptedException {
    bundle.update(new ByteArrayInputStream(jar));
    refresh(bundle);
  }

  protected void refresh(Bundle bundle) throws InterruptedException {
    CountDownLatch refreshed = new CountDownLatch(1);
    AtomicReference<FrameworkEvent> error = new AtomicReference<>();
    context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Set.of(bundle), event -> {
      if (event.getType() == FrameworkEvent.ERROR) {
        error.compareAndSet(null, event);
      } else if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
        refreshed.countDown();
      }
    });
    assertTrue("no PACKAGES_REFRESHED within " + WAIT, refreshed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    if (error.get() != null) {
      fail("refresh failed: " + error.get().getThrowable());
    }
  }

  // ---------------------------------------------------------------- events and findings

  /** A Modbus request from the engineering station to device {@code 10.0.<device/250>.<device%250+1>}. */
  static TelemetryEvent event(int device, String operation) {
    return TelemetryEvent.builder()
        .timeMicros(System.currentTimeMillis() * 1000)
        .sensor("isthmus-it")
        .source(Endpoint.of("10.9.0.1", 50_000))
        .destination(Endpoint.of(deviceIp(device), 502))
        .protocol("modbus")
        .operation(operation)
        .direction(Direction.REQUEST)
        .fields(Map.of("unit_id", 1))
        .payloadSize(12)
        .build();
  }

  static String deviceIp(int device) {
    return "10.0." + (device / 250) + "." + (device % 250 + 1);
  }

  /** A {@link FindingListener} service that keeps every finding it is given. */
  protected static final class FindingCollector implements FindingListener, AutoCloseable {
    final Queue<Finding> findings = new ConcurrentLinkedQueue<>();
    private final ServiceRegistration<FindingListener> registration;

    FindingCollector(BundleContext context) {
      Dictionary<String, Object> props = new Hashtable<>();
      props.put("isthmus.listener", "integration-test");
      registration = context.registerService(FindingListener.class, this, props);
    }

    @Override
    public void onFinding(Finding finding) {
      findings.add(finding);
    }

    List<Finding> from(String modelId) {
      List<Finding> out = new ArrayList<>();
      for (Finding f : findings) {
        if (f.modelId().equals(modelId)) {
          out.add(f);
        }
      }
      return out;
    }

    @Override
    public void close() {
      registration.unregister();
    }
  }

  // ---------------------------------------------------------------- waiting

  protected static void waitUntil(String what, BooleanSupplier condition) {
    waitUntil(() -> what, condition);
  }

  protected static void waitUntil(Supplier<String> what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + WAIT.toSeconds() + " s waiting for: " + what.get());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for: " + what.get());
      }
    }
  }
}
