package io.isthmus.model.baseline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.TelemetryEvent;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Learns, per device and per (peer, device, protocol) pair, which operations and function codes
 * are used, how often and how regularly peers talk, payload sizes, ports, register ranges and
 * topics; after the learning period every deviation is a finding. Flagged events never feed the
 * baseline, so an attacker who repeats a flagged behaviour keeps being reported.
 */
@Component(service = DetectionModel.class, property = "isthmus.model=baseline", configurationPid = BaselineConfig.PID)
@Designate(ocd = BaselineConfig.class)
public final class BaselineModel implements DetectionModel {
  static final String ID = "baseline";

  final ConcurrentHashMap<String, DeviceBaseline> devices = new ConcurrentHashMap<>();
  final OperationCodes codes = new OperationCodes();
  final AtomicLong total = new AtomicLong();
  final AtomicLong firstMicros = new AtomicLong(Long.MIN_VALUE);
  private final String version;
  private volatile boolean learning = true;
  private volatile long learningEvents;
  private volatile long learningMicros;
  private volatile Tuning tuning;

  @Activate
  public BaselineModel(BundleContext context, BaselineConfig config) {
    this(context.getBundle().getVersion().toString(), config);
  }

  BaselineModel(String version, BaselineConfig config) {
    this.version = version;
    configure(config);
  }

  @Modified
  void configure(BaselineConfig config) {
    learningEvents = Math.max(0, config.learning_events());
    learningMicros = Math.max(0, config.learning_seconds()) * 1_000_000L;
    tuning = Tuning.of(config, codes);
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
    return learning;
  }

  @Override
  public void endLearning() {
    learning = false;
  }

  @Override
  public void observe(TelemetryEvent event, FindingSink findings) {
    long n = total.incrementAndGet();
    firstMicros.compareAndSet(Long.MIN_VALUE, event.timeMicros());
    if (learning && (learningEvents > 0 && n > learningEvents
        || learningMicros > 0 && event.timeMicros() - firstMicros.get() >= learningMicros)) {
      learning = false;
    }
    boolean learningNow = learning;
    Tuning t = tuning;
    String key = event.device().deviceKey();
    DeviceBaseline device = devices.get(key);
    boolean created = false;
    if (device == null) {
      DeviceBaseline fresh = new DeviceBaseline();
      if (!learningNow) {
        fresh.learningLeft = t.deviceLearningEvents();
        fresh.unknown = t.deviceLearningEvents() == 0;
      }
      device = devices.putIfAbsent(key, fresh);
      created = device == null;
      device = created ? fresh : device;
    }
    Deviations d;
    if (device.unknown) {
      device.events++;
      d = Findings.newDevice(event);
    } else {
      d = device.observe(event, learningNow, t);
      if (created && !learningNow) {
        d = Findings.newDevice(event);
      }
    }
    if (d != null && !duplicate(device, d, event.timeMicros(), t)) {
      findings.emit(Findings.of(ID, version, event, d, device));
    }
  }

  /** The same indicators again within one rate window are held back: the event is still not learned. */
  private static boolean duplicate(DeviceBaseline device, Deviations d, long time, Tuning t) {
    int signature = d.signature();
    if (signature == device.lastFindingSignature && time >= device.lastFindingMicros
        && time - device.lastFindingMicros < t.windowMicros()) {
      return true;
    }
    device.lastFindingSignature = signature;
    device.lastFindingMicros = time;
    return false;
  }

  @Override
  public ModelState exportState() {
    return new ModelState(ID, version, StateCodec.FORMAT, StateCodec.write(this, learning));
  }

  @Override
  public void importState(ModelState state) {
    if (state.isEmpty()) {
      return;
    }
    if (!ID.equals(state.modelId())) {
      throw new IllegalArgumentException("state of model " + state.modelId() + ", not " + ID);
    }
    learning = StateCodec.read(state.formatVersion(), state.data(), this);
  }
}
