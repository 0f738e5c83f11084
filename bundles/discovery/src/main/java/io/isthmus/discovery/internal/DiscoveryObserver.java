package io.isthmus.discovery.internal;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventObserver;
import io.isthmus.api.store.AssetStore;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passive discovery on the pipeline: every scored event adds to its devices' facts (in memory, on
 * the worker threads), and a thread of its own writes the devices with news to the asset store
 * every few seconds, and once more when the component stops. Without a store the facts wait, in
 * bounded memory, for one to come.
 */
@Component(service = {EventObserver.class, DiscoveryObserver.class}, configurationPid = DiscoveryConfig.PID)
@Designate(ocd = DiscoveryConfig.class)
public final class DiscoveryObserver implements EventObserver {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryObserver.class);
  private static final long WARN_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final DeviceTable table;
  private final EventFacts facts;
  private final Supplier<OuiRegistry> ouiLoader;
  private final CompletableFuture<OuiRegistry> oui = new CompletableFuture<>();
  private volatile @Nullable StoreFlush flush;
  private final AtomicReference<@Nullable AssetStore> store = new AtomicReference<>();
  private final LongAdder failedEvents = new LongAdder();
  private final AtomicLong lastEventWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);
  private long lastStoreWarning = System.nanoTime() - WARN_INTERVAL_NANOS;
  private final long flushNanos;
  private final long lastSeenNanos;
  private final Thread flusher;
  private volatile boolean running = true;
  private volatile boolean wakeRequested;
  private final AtomicLong flushes = new AtomicLong();

  /** The IEEE registry is read by the flush thread, so activation does not wait for the file. */
  @Activate
  public DiscoveryObserver(DiscoveryConfig config) {
    this(config, () -> loadOui(Path.of(config.ouiDirectory())));
  }

  DiscoveryObserver(DiscoveryConfig config, OuiRegistry oui) {
    this(config, () -> oui);
  }

  private DiscoveryObserver(DiscoveryConfig config, Supplier<OuiRegistry> ouiLoader) {
    this.table = new DeviceTable(config.maxDevices(), config.maxPeersPerDevice());
    this.facts = new EventFacts(table);
    this.ouiLoader = ouiLoader;
    this.flushNanos = TimeUnit.SECONDS.toNanos(Math.max(1, config.flushIntervalSeconds()));
    this.lastSeenNanos = TimeUnit.SECONDS.toNanos(Math.max(1, config.lastSeenIntervalSeconds()));
    this.flusher = new Thread(this::flushLoop, "isthmus-discovery-flush");
    flusher.setDaemon(true);
    flusher.start();
  }

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void setStore(AssetStore assetStore) {
    store.set(assetStore);
    wake(); // flush what waited for a store now rather than at the next tick
  }

  void unsetStore(AssetStore assetStore) {
    store.compareAndSet(assetStore, null);
  }

  @Override
  public void observe(TelemetryEvent event) {
    try {
      facts.observe(event);
    } catch (RuntimeException e) {
      failedEvents.increment();
      long now = System.nanoTime();
      long last = lastEventWarning.get();
      if (now - last >= WARN_INTERVAL_NANOS && lastEventWarning.compareAndSet(last, now)) {
        LOG.warn("Discovery skipped a {} {} event from {} ({} skipped so far): {}", event.protocol(), event.operation(),
            event.source(), failedEvents.sum(), e.toString());
      }
    }
  }

  /** Stops the flush thread and writes every device with news, last-seen times included. */
  @Deactivate
  void deactivate() throws InterruptedException {
    running = false;
    wake();
    flusher.join(TimeUnit.SECONDS.toMillis(30));
    flushOnce(true);
  }

  /** Writes every device with news to the store now; -1 if there is no store. */
  int flushNow() {
    AssetStore s = store.get();
    return s == null ? -1 : storeFlush().flush(s, true);
  }

  private synchronized StoreFlush storeFlush() {
    StoreFlush f = flush;
    if (f == null) {
      f = new StoreFlush(table, oui());
      flush = f;
    }
    return f;
  }

  /** Whether a flush has written the device with this IP address to the store. */
  boolean isStored(String ip) {
    DeviceFacts facts = table.get(ip);
    return facts != null && facts.wasFlushed();
  }

  /** The IEEE registry, once the flush thread has read it. */
  OuiRegistry oui() {
    return oui.join();
  }

  DeviceTable table() {
    return table;
  }

  /** Flushes that reached the store, by the thread or on deactivation. */
  long flushes() {
    return flushes.get();
  }

  boolean flushThreadAlive() {
    return flusher.isAlive();
  }

  long failedEvents() {
    return failedEvents.sum();
  }

  /** Not interrupt(): H2 closes its file channel when a thread inside it is interrupted. */
  private void wake() {
    wakeRequested = true;
    LockSupport.unpark(flusher);
  }

  private void flushLoop() {
    try {
      oui.complete(ouiLoader.get());
    } catch (RuntimeException e) {
      LOG.warn("No MAC vendors: {}", e.toString());
      oui.complete(OuiRegistry.EMPTY);
    }
    long lastSeenDue = System.nanoTime() + lastSeenNanos;
    while (running) {
      long deadline = System.nanoTime() + flushNanos;
      while (running && !wakeRequested && deadline - System.nanoTime() > 0) {
        LockSupport.parkNanos(this, deadline - System.nanoTime());
      }
      wakeRequested = false;
      if (!running) {
        return;
      }
      boolean includeSeenOnly = System.nanoTime() - lastSeenDue >= 0;
      if (flushOnce(includeSeenOnly) && includeSeenOnly) {
        lastSeenDue = System.nanoTime() + lastSeenNanos;
      }
    }
  }

  /** One flush if there is a store; false if there is none or it failed (logged once a minute). */
  private synchronized boolean flushOnce(boolean includeSeenOnly) {
    AssetStore s = store.get();
    if (s == null) {
      return false;
    }
    try {
      storeFlush().flush(s, includeSeenOnly);
      flushes.incrementAndGet();
      return true;
    } catch (RuntimeException e) {
      long now = System.nanoTime();
      if (now - lastStoreWarning >= WARN_INTERVAL_NANOS) {
        lastStoreWarning = now;
        LOG.warn("Discovery could not write to the asset store, will retry: {}", e.toString());
      }
      return false;
    }
  }

  static OuiRegistry loadOui(Path directory) {
    try {
      OuiRegistry registry = OuiRegistry.load(directory);
      LOG.info("MAC vendors from the IEEE registry in {}: {} prefixes", directory, registry.size());
      return registry;
    } catch (NoSuchFileException e) {
      LOG.warn("No MAC vendors: no IEEE registry at {} (install Debian's ieee-data, or set ouiDirectory)",
          directory.resolve(OuiRegistry.MA_L_FILE));
    } catch (IOException | RuntimeException e) {
      LOG.warn("No MAC vendors: cannot read the IEEE registry in {}: {}", directory, e.toString());
    }
    return OuiRegistry.EMPTY;
  }
}
