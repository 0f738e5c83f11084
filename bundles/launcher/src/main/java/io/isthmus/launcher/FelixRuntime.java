package io.isthmus.launcher;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/** An embedded Felix framework booted from a feature set. */
final class FelixRuntime {
  private final Framework framework;
  private final List<String> startFailures = new ArrayList<>();
  private static final String CONFIGURATION_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";

  private FelixRuntime(Framework framework) {
    this.framework = framework;
  }

  static FelixRuntime start(FeatureSet features, RuntimeOptions options, Home home) {
    configureLogging();
    Path data = options.dataDir().toAbsolutePath().normalize();
    Map<String, String> variables = Map.of("isthmus.home", home.root().toString(), "isthmus.data", data.toString());
    // Resolve variables first, so a feature that names an undefined one fails before anything starts.
    Map<String, Map<String, Object>> configurations = features.configurations(variables);
    Map<String, String> props = new HashMap<>(features.frameworkProperties(variables));
    ArtifactRepository repository = ArtifactRepository.standard(home);
    props.put(Constants.FRAMEWORK_STORAGE, options.cacheDir().toAbsolutePath().toString());
    props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    props.put("felix.cm.dir", data.resolve("config").toString());
    props.put("felix.fileinstall.dir", options.deployDir().toAbsolutePath().toString());
    props.put("felix.log.level", "1");
    // Bundles find the data directory here (the pipeline keeps learned model state under it).
    props.putAll(variables);
    props.putIfAbsent("org.apache.felix.http.host", options.httpHost());
    props.put("org.apache.felix.http.host", options.httpHost());
    if (options.httpPort() == 0) {
      props.put("org.apache.felix.http.enable", "false");
    } else {
      props.put("org.osgi.service.http.port", Integer.toString(options.httpPort()));
    }
    props.merge(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, Slf4jPackages.exports(), (a, b) -> a + "," + b);
    if (options.shell()) {
      props.put("gosh.args", "");
    }
    int maxLevel = features.bundles().stream().mapToInt(FeatureSet.BundleEntry::startOrder).max().orElse(1);
    props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "1");

    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
        .orElseThrow(() -> new StartupException("no OSGi framework on the class path"));
    // Felix takes its logger as an object among the (string) properties.
    Map<String, Object> withLogger = new HashMap<>(props);
    withLogger.put("felix.log.logger", new FrameworkLog());
    @SuppressWarnings({"unchecked", "rawtypes"})
    Framework framework = factory.newFramework((Map) withLogger);
    FelixRuntime runtime = new FelixRuntime(framework);
    try {
      timing("framework created");
      framework.init();
      timing("framework initialised");
      if (Boolean.getBoolean("isthmus.timing")) {
        framework.getBundleContext().addBundleListener((org.osgi.framework.SynchronousBundleListener) e -> {
          if (e.getType() == org.osgi.framework.BundleEvent.STARTED) {
            timing("started " + e.getBundle().getSymbolicName());
          }
        });
      }
      BundleStarter starter = new BundleStarter(props.getOrDefault(BundleStarter.PARALLEL, ""),
          props.getOrDefault(BundleStarter.PARALLEL_BEFORE, ""));
      runtime.install(features, repository, starter);
      timing("bundles installed");
      framework.start();
      // No bundle is marked started yet, so reaching the highest level starts nothing.
      runtime.raiseStartLevel(maxLevel);
      // The features' configurations reach Config Admin as soon as it runs, before the bundles of
      // later start orders activate their components.
      boolean[] configured = {configurations.isEmpty()};
      starter.startAll(order -> {
        if (!configured[0] && runtime.configurationAdminRunning()) {
          runtime.applyConfigurations(configurations);
          configured[0] = true;
        }
      });
      runtime.startFailures.addAll(starter.failures());
      if (!configured[0]) {
        throw new StartupException("the features carry configurations but no Config Admin is running");
      }
    } catch (BundleException e) {
      runtime.stopQuietly();
      throw new StartupException("the OSGi framework did not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      runtime.stopQuietly();
      throw new StartupException("interrupted while starting");
    }
    return runtime;
  }

  /** Held so the level set on it is not lost when the logger is collected. */
  private static final java.util.logging.Logger SPIFLY_LOG = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

  private static void configureLogging() {
    // SPI Fly reports every provider it registers through java.util.logging at INFO.
    SPIFLY_LOG.setLevel(java.util.logging.Level.WARNING);
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
    setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.felix.http", "warn");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * With -Disthmus.timing=true, prints how long after {@code main} began each step ended (not the
   * JVM's uptime: JMX, which gives it, would itself load for a tenth of a second).
   */
  static void timing(String step) {
    if (Boolean.getBoolean("isthmus.timing")) {
      System.err.println("isthmus: timing " + (System.nanoTime() - Isthmus.MAIN_STARTED) / 1_000_000 + " ms " + step);
    }
  }

  private void raiseStartLevel(int level) {
    CountDownLatch reached = new CountDownLatch(1);
    framework.adapt(FrameworkStartLevel.class).setStartLevel(level, e -> reached.countDown());
    try {
      if (!reached.await(60, TimeUnit.SECONDS)) {
        throw new StartupException("start level " + level + " was not reached within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while starting");
    }
  }

  private boolean configurationAdminRunning() {
    return framework.getBundleContext().getServiceReference(CONFIGURATION_ADMIN) != null;
  }

  private void install(FeatureSet features, ArtifactRepository repository, BundleStarter starter) throws BundleException {
    BundleContext context = framework.getBundleContext();
    for (FeatureSet.BundleEntry entry : features.bundles()) {
      Path jar = repository.resolve(entry.id());
      // Copied into the framework cache (not installed by reference): a rebuild that rewrites the
      // distribution folder must not pull classes from under a running runtime.
      Bundle bundle = context.installBundle(jar.toUri().toString());
      bundle.adapt(BundleStartLevel.class).setStartLevel(entry.startOrder());
      if (!isFragment(bundle)) {
        starter.add(bundle, entry.startOrder());
      }
    }
  }

  private static boolean isFragment(Bundle bundle) {
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
  }

  /** Applies the features' configurations through Config Admin, reached reflectively (its API lives in a bundle). */
  private void applyConfigurations(Map<String, Map<String, Object>> configurations) {
    BundleContext context = framework.getBundleContext();
    ServiceReference<?> ref = context.getServiceReference(CONFIGURATION_ADMIN);
    if (ref == null) {
      throw new StartupException("the features carry configurations but no Config Admin is running");
    }
    Object admin = context.getService(ref);
    try {
      // Methods through the interfaces as the Config Admin bundle sees them: its classes are not ours.
      Class<?> adminType = ref.getBundle().loadClass(CONFIGURATION_ADMIN);
      Class<?> configType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
      Method update = configType.getMethod("update", Dictionary.class);
      for (Map.Entry<String, Map<String, Object>> c : configurations.entrySet()) {
        String pid = c.getKey();
        int tilde = pid.indexOf('~');
        Object config = tilde > 0
            ? adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                .invoke(admin, pid.substring(0, tilde), pid.substring(tilde + 1), "?")
            : adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, pid, "?");
        update.invoke(config, new Hashtable<>(c.getValue()));
      }
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StartupException("applying the features' configurations failed: " + cause, e);
    } finally {
      context.ungetService(ref);
    }
  }

  BundleContext context() {
    return framework.getBundleContext();
  }

  List<String> startFailures() {
    return List.copyOf(startFailures);
  }

  long activeBundles() {
    long n = 0;
    for (Bundle b : context().getBundles()) {
      if (b.getState() == Bundle.ACTIVE) {
        n++;
      }
    }
    return n;
  }

  int totalBundles() {
    return context().getBundles().length;
  }

  /** Blocks until the framework stops (by {@link #stop} from a shutdown hook, or from inside). */
  void awaitStop() throws InterruptedException {
    framework.waitForStop(0);
  }

  /** Stops every bundle in reverse start order and waits; returns false on timeout. */
  boolean stop(long timeoutMillis) {
    try {
      framework.stop();
      FrameworkEvent event = framework.waitForStop(timeoutMillis);
      return event.getType() != FrameworkEvent.WAIT_TIMEDOUT;
    } catch (BundleException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void stopQuietly() {
    stop(10_000);
  }
}
