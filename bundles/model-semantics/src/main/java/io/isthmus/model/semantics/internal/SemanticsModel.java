package io.isthmus.model.semantics.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The protocol-semantics model: reads what each request asks a device to do. See the package
 * documentation for its two kinds of rule.
 */
@Component(service = DetectionModel.class, configurationPid = SemanticsConfig.PID,
    property = "isthmus.model=protocol-semantics")
@Designate(ocd = SemanticsConfig.class)
public final class SemanticsModel implements DetectionModel {
  static final String ID = "protocol-semantics";
  private static final long NOT_STARTED = Long.MIN_VALUE;

  private final String version;
  private final Settings settings;
  private final Devices devices;
  private final LongAdder heldBack = new LongAdder();
  private final LongAdder emitted = new LongAdder();
  private volatile boolean learning;
  /** Capture time at which learning ends by itself; NOT_STARTED until the first event, MAX_VALUE if never. */
  private final AtomicLong learningEnds = new AtomicLong(NOT_STARTED);

  @Activate
  public SemanticsModel(BundleContext context, SemanticsConfig config) {
    this(context.getBundle().getVersion().toString(), Settings.of(config));
  }

  SemanticsModel(String version, Settings settings) {
    this.version = version;
    this.settings = settings;
    this.devices = new Devices(settings);
    this.learning = settings.learningMicros() != Settings.NO_LEARNING;
    if (settings.learningMicros() == Settings.UNTIL_ENDED) {
      learningEnds.set(Long.MAX_VALUE);
    }
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
    if (event.direction() != Direction.REQUEST && event.direction() != Direction.UNKNOWN) {
      return;
    }
    long time = event.timeMicros();
    boolean learningNow = learningAt(time);
    DeviceState device = devices.get(event.device().deviceKey(), time);
    String peer = event.peer().ip();
    Hit hit = unconditional(event);
    if (hit != null) {
      report(hit, event, device, peer, findings);
    }
    if ("modbus".equals(event.protocol())) {
      sweeps(event, device, peer, findings);
    }
    if ("dnp3".equals(event.protocol())) {
      String relation = event.protocol() + ' ' + peer;
      boolean known = device.relations.touch(Relations.Kind.MASTER, relation, time);
      if (learningNow) {
        device.relations.learn(Relations.Kind.MASTER, relation, time);
      } else if (!known && Commands.isDnp3Control(event)) {
        device.relations.learn(Relations.Kind.MASTER, relation, time);
        report(BaselineRules.newMaster(event), event, device, peer, findings);
      }
    } else if (Commands.isWrite(event)) {
      String relation = event.protocol() + ' ' + peer;
      boolean known = device.relations.touch(Relations.Kind.WRITER, relation, time);
      if (!known) {
        device.relations.learn(Relations.Kind.WRITER, relation, time);
        if (!learningNow) {
          report(BaselineRules.newWriter(event), event, device, peer, findings);
        }
      }
    }
  }

  private static @Nullable Hit unconditional(TelemetryEvent event) {
    return switch (event.protocol()) {
      case "modbus" -> ModbusRules.classify(event);
      case "dnp3" -> Dnp3Rules.classify(event);
      case "enip" -> CipRules.classify(event);
      case "bacnet" -> BacnetRules.classify(event);
      default -> null;
    };
  }

  private void sweeps(TelemetryEvent event, DeviceState device, String peer, FindingSink findings) {
    int windowSeconds = (int) (settings.sweepWindowMicros() / Settings.SECOND);
    if (event.fields().get("unit") instanceof Integer unit) {
      int units = device.unitSweeps.record(peer, unit, event.timeMicros(), settings.unitIdSweep());
      if (units >= settings.unitIdSweep()) {
        report(BaselineRules.unitSweep(units, windowSeconds), event, device, peer, findings);
      }
    }
    if (event.fields().get("func_code") instanceof Integer code) {
      int codes = device.functionSweeps.record(peer, code, event.timeMicros(), settings.functionCodeSweep());
      if (codes >= settings.functionCodeSweep()) {
        report(BaselineRules.functionSweep(codes, windowSeconds), event, device, peer, findings);
      }
    }
  }

  private void report(Hit hit, TelemetryEvent event, DeviceState device, String peer, FindingSink findings) {
    Repeats.Verdict verdict =
        device.repeats.hit(event.protocol() + ' ' + peer, hit.rule(), hit.score(), event.timeMicros());
    if (!verdict.emit()) {
      heldBack.increment();
      return;
    }
    emitted.increment();
    findings.emit(FindingText.finding(ID, version, hit, event, verdict.heldBack()));
  }

  /** Whether the model learns at capture time {@code time}; starts the learning clock at the first event. */
  private boolean learningAt(long time) {
    if (!learning) {
      return false;
    }
    long ends = learningEnds.get();
    if (ends == NOT_STARTED) {
      learningEnds.compareAndSet(NOT_STARTED, time + settings.learningMicros());
      ends = learningEnds.get();
    }
    if (time >= ends) {
      learning = false;
    }
    return learning;
  }

  @Override
  public ModelState exportState() {
    return new ModelState(ID, version, SemanticsState.FORMAT,
        SemanticsState.write(learning, learningEnds.get(), devices));
  }

  @Override
  public void importState(ModelState state) {
    if (state.isEmpty()) {
      return;
    }
    if (!ID.equals(state.modelId())) {
      throw new IllegalArgumentException("state of model " + state.modelId() + ", not " + ID);
    }
    if (state.formatVersion() != SemanticsState.FORMAT) {
      throw new IllegalArgumentException("unknown protocol-semantics state format " + state.formatVersion()
          + " (written by version " + state.modelVersion() + "); this version reads format " + SemanticsState.FORMAT);
    }
    SemanticsState.Header header = SemanticsState.read(state.data(), devices);
    if (!header.learning()) {
      learning = false;
    } else if (learning && header.learningEndsMicros() != NOT_STARTED) {
      learningEnds.set(header.learningEndsMicros());
    }
  }

  /** Findings held back by the rate limit since this instance started. */
  long heldBack() {
    return heldBack.sum();
  }

  long emitted() {
    return emitted.sum();
  }

  int devices() {
    return devices.size();
  }
}
