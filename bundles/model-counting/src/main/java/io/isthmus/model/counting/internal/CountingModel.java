package io.isthmus.model.counting.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Counts events per device and flags the first time a device is seen doing an operation, once
 * it has a baseline of at least {@link #WARM_UP} events. Deliberately simple: it exists to
 * exercise the plugin host (hot swap, state hand-over, benchmarks), not to be a detector.
 */
@Component(service = DetectionModel.class, property = "isthmus.model=counting")
public final class CountingModel implements DetectionModel {
  static final String ID = "counting";
  static final int WARM_UP = 10;
  private static final Technique UNAUTHORIZED_COMMAND =
      new Technique("T0855", "Unauthorized Command Message", "Impair Process Control");

  private final ConcurrentHashMap<String, DeviceCounts> devices = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final String version;

  @Activate
  public CountingModel(BundleContext context) {
    this(context.getBundle().getVersion().toString());
  }

  CountingModel(String version) {
    this.version = version;
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
  public void observe(TelemetryEvent event, FindingSink findings) {
    total.increment();
    String key = event.device().deviceKey();
    DeviceCounts d = devices.get(key);
    if (d == null) {
      d = devices.computeIfAbsent(key, k -> new DeviceCounts());
    }
    d.events++;
    if (d.operations.add(event.operation()) && d.events > WARM_UP) {
      findings.emit(new Finding(ID, version, event.timeMicros(), event.device(), event.peer(), event.protocol(), 0.5,
          List.of("operation_not_seen_before:" + event.operation()),
          List.of(UNAUTHORIZED_COMMAND),
          List.of(event),
          event.peer().ip() + " sent " + event.operation() + " to " + event.device().ip()
              + ", which had not been asked to do that in its first " + (d.events - 1)
              + " messages. A new kind of command to an industrial device can mean someone is changing how it runs."));
    }
  }

  @Override
  public ModelState exportState() {
    return new ModelState(ID, version, CountingState.FORMAT, CountingState.write(total.sum(), devices));
  }

  @Override
  public void importState(ModelState state) {
    if (state.isEmpty()) {
      return;
    }
    if (state.formatVersion() != CountingState.FORMAT) {
      throw new IllegalArgumentException("unknown counting-model state format " + state.formatVersion());
    }
    long imported = CountingState.read(state.data(), devices);
    total.add(imported);
  }

  long total() {
    return total.sum();
  }
}
