package io.isthmus.model.iforest.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.TelemetryEvent;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Cuts each device's events into windows of event time, learns the windows of the learning period
 * as normal, then scores every closed window with an isolation forest and reports those scoring
 * above a threshold set from held-out normal windows, or lying beyond the learned range of a
 * feature, which a forest cannot see (see {@link Baseline}). Training runs on a
 * thread of its own; scoring threads pick the trained forests up through volatile fields and hold
 * closed windows (a few per device) until they are there.
 */
@Component(service = DetectionModel.class, configurationPid = IForestConfig.PID, property = "isthmus.model=isolation-forest")
@Designate(ocd = IForestConfig.class)
public final class IsolationForestModel implements DetectionModel {
  static final String ID = "isolation-forest";

  private final String version;
  private final Settings settings;
  private final ConcurrentHashMap<String, DeviceState> devices = new ConcurrentHashMap<>();
  /** Operations and peers of all devices while learning: what a device first seen later is compared with. */
  private final Set<String> knownOperations = ConcurrentHashMap.newKeySet();
  private final Set<String> knownPeers = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean learning = new AtomicBoolean(true);
  private final AtomicLong learningStart = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);
  private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "isthmus-iforest-trainer");
    t.setDaemon(true);
    return t;
  });
  private volatile @Nullable Baseline pooled;
  private volatile CompletableFuture<Void> training = CompletableFuture.completedFuture(null);

  @Activate
  public IsolationForestModel(BundleContext context, IForestConfig config) {
    this(context.getBundle().getVersion().toString(), Settings.of(config));
  }

  IsolationForestModel(String version, Settings settings) {
    this.version = version;
    this.settings = settings;
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    trainer.shutdownNow();
    trainer.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public boolean isLearning() {
    return learning.get();
  }

  @Override
  public void endLearning() {
    if (learning.compareAndSet(true, false)) {
      try {
        training = CompletableFuture.runAsync(() -> pooled = Trainer.train(devices, settings), trainer);
      } catch (RejectedExecutionException e) {
        // deactivated: the instance is being discarded and has nothing left to score
      }
    }
  }

  @Override
  public void observe(TelemetryEvent event, FindingSink findings) {
    long t = event.timeMicros();
    if (learning.get()) {
      learningStart.compareAndSet(Long.MIN_VALUE, t);
      if (settings.learningMinutes() > 0 && t - learningStart.get() >= settings.learningMinutes() * 60_000_000L) {
        endLearning();
      }
    }
    boolean learningNow = learning.get();
    String key = event.device().deviceKey();
    DeviceState d = devices.get(key);
    if (d == null) {
      d = devices.computeIfAbsent(key, k -> new DeviceState(k, !learningNow));
    }
    synchronized (d) { // uncontended but for the sweep below
      add(d, event, learningNow, findings);
    }
    long due = nextSweep.get();
    if (t >= due && nextSweep.compareAndSet(due, t + settings.windowMicros())) {
      sweep(t, learningNow, findings);
    }
  }

  /**
   * Closes the windows of devices that fell silent: a window ends when its device's next event
   * arrives, which for a PLC that was just stopped may be never. Runs once per window length of
   * event time, on whichever thread sees that time pass; a window is closed once the clock is a
   * whole window past its end, which leaves room for other threads' events that are a bit late.
   */
  private void sweep(long now, boolean learningNow, FindingSink findings) {
    for (DeviceState d : devices.values()) {
      synchronized (d) {
        Window w = d.current;
        if (w != null && w.startMicros + 2 * settings.windowMicros() <= now) {
          d.current = null;
          close(d, w, learningNow, findings);
        }
      }
    }
  }

  private void add(DeviceState d, TelemetryEvent event, boolean learningNow, FindingSink findings) {
    long t = event.timeMicros();
    long index = Math.floorDiv(t, settings.windowMicros());
    Window w = d.current;
    if (w != null && index > w.index) {
      close(d, w, learningNow, findings);
      w = null;
    }
    if (w == null) {
      w = new Window(index, index * settings.windowMicros());
      d.current = w;
    }
    String op = event.operation();
    String peer = event.peer().ip();
    boolean newOperation;
    boolean newPeer;
    if (learningNow) { // a device's first window has nothing to compare with: it only seeds the sets
      knownOperations.add(op);
      knownPeers.add(peer);
      newOperation = d.operations.add(op) && !d.bootstrap;
      newPeer = d.peers.add(peer) && !d.bootstrap;
    } else if (d.lateComer) { // first seen after learning: new is what no device did while learning
      newOperation = !knownOperations.contains(op);
      newPeer = !knownPeers.contains(peer);
    } else {
      newOperation = !d.operations.contains(op);
      newPeer = !d.peers.contains(peer);
    }
    long gap = d.lastMicros < 0 ? -1 : Math.max(0, t - d.lastMicros);
    d.lastMicros = Math.max(d.lastMicros, t);
    w.add(event, gap, newOperation, newPeer);
    if (!learningNow && !d.pending.isEmpty()) {
      drain(d, findings);
    }
  }

  private void close(DeviceState d, Window w, boolean learningNow, FindingSink findings) {
    d.bootstrap = false;
    double[] x = w.features();
    if (learningNow) {
      d.learn(x, settings.maxDeviceWindows());
      return;
    }
    if (d.pending.size() < DeviceState.MAX_PENDING) {
      d.pending.add(new DeviceState.Closed(w, x));
    }
    drain(d, findings);
  }

  private void drain(DeviceState d, FindingSink findings) {
    Baseline own = d.own;
    Baseline b = own != null ? own : pooled;
    if (b == null) {
      return; // not trained yet (or too few windows were learned to train at all)
    }
    DeviceState.Closed c;
    while ((c = d.pending.poll()) != null) {
      double raw = b.forest.score(c.features());
      double range = b.rangeScore(c.features());
      if (raw >= b.threshold || range >= 0.5) {
        findings.emit(FindingWriter.write(ID, version, c.window(), c.features(), raw, range, b, own != null, settings));
      }
    }
  }

  @Override
  public ModelState exportState() {
    return new ModelState(ID, version, StateCodec.FORMAT, StateCodec.write(learning.get(), learningStart.get(), devices.values()));
  }

  @Override
  public void importState(ModelState state) {
    if (state.isEmpty()) {
      return;
    }
    if (state.formatVersion() != StateCodec.FORMAT) {
      throw new IllegalArgumentException("unknown isolation-forest state format " + state.formatVersion());
    }
    StateCodec.Imported imported = StateCodec.read(state.data(), settings.maxDeviceWindows());
    for (DeviceState d : imported.devices()) {
      devices.put(d.key, d);
      knownOperations.addAll(d.operations);
      knownPeers.addAll(d.peers);
    }
    learningStart.set(imported.learningStartMicros());
    if (!imported.learning() && learning.compareAndSet(true, false)) {
      pooled = Trainer.train(devices, settings); // called before the first event: no scorer waits
    }
  }

  boolean trainerStopped() {
    return trainer.isTerminated();
  }

  /** Waits for a training started by {@link #endLearning()} (tests, benchmarks). */
  void awaitTraining() {
    training.join();
  }

  @Nullable Baseline pooledBaseline() {
    return pooled;
  }

  @Nullable DeviceState device(String key) {
    return devices.get(key);
  }
}
