package io.isthmus.model.sequence.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Learns, per device, the order in which each client asks it to do things (an order-n Markov
 * chain over the operations of a session) and flags sessions that start in a way never seen,
 * take a step never seen, or take one that was rare.
 *
 * <p>Only requests count: a response mirrors its request and adds no choice of the client's,
 * and cyclic I/O or unsolicited reports are the device's own rhythm, not a sequence of commands
 * (interleaving them would only make the chain depend on network timing). Malformed PDUs are
 * left out too: their operation is the decoder's best guess, and malformed traffic is reported
 * by the decoders' weirds and other models.
 */
@Component(service = DetectionModel.class, configurationPid = SequenceModel.PID, property = "isthmus.model=" + SequenceModel.ID)
@Designate(ocd = SequenceConfig.class)
public final class SequenceModel implements DetectionModel {
  static final String ID = "sequence";
  static final String PID = "io.isthmus.model.sequence";

  private final String version;
  private volatile Settings settings;
  private final OperationNames names;
  private final ConcurrentHashMap<String, DeviceState> devices = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Chain> protocols = new ConcurrentHashMap<>();
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong learningStart = new AtomicLong(Long.MIN_VALUE);
  private final BiConsumer<DeviceState, Session> closer = this::closed;
  private final FindingFactory factory;
  private volatile boolean learning = true;

  @Activate
  public SequenceModel(BundleContext context, SequenceConfig config) {
    this(context.getBundle().getVersion().toString(), config);
  }

  SequenceModel(String version, SequenceConfig config) {
    this.version = version;
    this.settings = Settings.of(config);
    this.names = new OperationNames(settings.maxOperations());
    this.factory = new FindingFactory(ID, version, names);
  }

  /** A new configuration applies from the next event on; what was learned is kept. */
  @Modified
  void modified(SequenceConfig config) {
    settings = Settings.of(config);
    names.limit(settings.maxOperations());
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
    Settings s = settings;
    long seen = events.incrementAndGet();
    boolean learningNow = stillLearning(event.timeMicros(), seen, s);
    if (event.direction() == Direction.RESPONSE || event.direction() == Direction.UNSOLICITED || event.isMalformed()) {
      return;
    }
    DeviceState device = device(event.device().deviceKey(), s);
    if (device == null) {
      return;
    }
    String protocol = event.protocol();
    Chain fleet = protocols.computeIfAbsent(protocol, p -> new Chain());
    Session session = device.session(event.peer().ip() + '/' + protocol, event.timeMicros(), s, closer);
    session.protocol = protocol;
    int op = names.id(token(event));
    OperationKind kind = names.kind(op);
    if (learningNow) {
      device.chain.learn(session.history, op, s.order(), s.maxTransitionsPerDevice());
      fleet.learn(session.history, op, s.order(), s.maxTransitionsPerProtocol());
    } else {
      judge(event, device, fleet, session, op, kind, s, findings);
    }
    session.advance(op, kind, event);
  }

  private void judge(TelemetryEvent event, DeviceState device, Chain fleet, Session session, int op, OperationKind kind,
      Settings s, FindingSink findings) {
    boolean own = device.chain.learned() >= s.minBaselineTransitions();
    @Nullable Chain baseline = own ? device.chain : fleet.learned() >= s.minBaselineTransitions() ? fleet : null;
    Judgement j = baseline == null ? null : Judgement.of(baseline, session.history, op, kind.disruptive(), s.order(), s);
    if (j == null) {
      if (!session.flagged && session.hold(op)) {
        learn(device, fleet, session, s);
      }
      return;
    }
    boolean first = !session.flagged;
    session.flag();
    String indicator = factory.indicator(j, session.history, op);
    // One finding per operation per session; past the cap only disruptive operations are still
    // reported, so a noisy start of a session cannot hide the stop or download that follows.
    boolean room = session.findings < s.maxFindingsPerSession() || kind.disruptive();
    if (room && session.firstReport(op)) {
      session.findings++;
      Finding f = factory.finding(event, session, op, kind, j, indicator, own, first);
      findings.emit(f);
    }
  }

  private void closed(DeviceState device, Session session) {
    if (!session.flagged && session.protocol != null) {
      Chain fleet = protocols.get(session.protocol);
      if (fleet != null) {
        learn(device, fleet, session, settings);
      }
    }
  }

  /** Learns a clean session's held transitions into the device's and the protocol's chains. */
  private static void learn(DeviceState device, Chain fleet, Session session, Settings s) {
    for (int[] t : session.takePending()) {
      int end = t.length - 1;
      device.chain.learn(t, end, t[end], s.order(), s.maxTransitionsPerDevice());
      fleet.learn(t, end, t[end], s.order(), s.maxTransitionsPerProtocol());
    }
  }

  private boolean stillLearning(long timeMicros, long seen, Settings s) {
    if (!learning) {
      return false;
    }
    learningStart.compareAndSet(Long.MIN_VALUE, timeMicros);
    boolean countDone = s.learningEvents() > 0 && seen > s.learningEvents();
    boolean timeDone = s.learningMicros() > 0 && timeMicros - learningStart.get() >= s.learningMicros();
    if (countDone || timeDone) {
      learning = false;
    }
    return learning;
  }

  private @Nullable DeviceState device(String key, Settings s) {
    DeviceState d = devices.get(key);
    if (d == null && devices.size() < s.maxDevices()) {
      d = devices.computeIfAbsent(key, k -> new DeviceState());
    }
    return d;
  }

  /**
   * The symbol of an event in the chain: its operation, refined where one operation name covers
   * harmless and disruptive requests alike (Modbus diagnostics: echo test or restart).
   */
  static String token(TelemetryEvent event) {
    Object sub = event.fields().get("request_subfunction_code");
    return sub != null && event.operation().startsWith("DIAGNOSTICS") ? event.operation() + ":" + sub : event.operation();
  }

  @Override
  public ModelState exportState() {
    return new ModelState(ID, version, SequenceState.FORMAT,
        SequenceState.write(learning, learningStart.get(), events.get(), names, protocols, devices));
  }

  @Override
  public void importState(ModelState state) {
    if (state.isEmpty()) {
      return;
    }
    SequenceState.Imported in = SequenceState.read(state.formatVersion(), state.data(), names, settings);
    protocols.putAll(in.protocols());
    in.devices().forEach(devices::put);
    events.addAndGet(in.events());
    if (in.learningStart() != Long.MIN_VALUE) {
      learningStart.set(in.learningStart());
    }
    learning = in.learning();
  }

  /** For tests: the chain learned for a device, or null. */
  @Nullable Chain chainOf(String deviceKey) {
    DeviceState d = devices.get(deviceKey);
    return d == null ? null : d.chain;
  }

  List<String> protocols() {
    return List.copyOf(protocols.keySet());
  }
}
