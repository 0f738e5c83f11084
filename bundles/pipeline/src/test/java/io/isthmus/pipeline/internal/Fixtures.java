package io.isthmus.pipeline.internal;

import static org.junit.jupiter.api.Assertions.fail;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.SourceKind;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Events, test models and waiting helpers shared by the engine tests. */
final class Fixtures {
  /** Upper bound for liveness waits: a wait that needs this long means the engine is stuck. */
  static final long LIVENESS_TIMEOUT_MILLIS = 30_000;

  static final String SEQ = "seq";
  static final String ID = "id";

  private Fixtures() {}

  static ScoringEngine engine(int workers, int capacity, long graceMillis, int heldLimit) {
    return new ScoringEngine(new EngineSettings(workers, capacity, BackpressurePolicy.parse(new String[0]),
        graceMillis, heldLimit));
  }

  static String deviceIp(int device) {
    return "10." + ((device >>> 16) & 0xff) + "." + ((device >>> 8) & 0xff) + "." + (device & 0xff);
  }

  /**
   * The {@code seq}-th event of a device, carrying a global {@code id}. Requests, responses and
   * unsolicited reports alternate, so the device is sometimes the destination and sometimes the
   * source: partitioning has to follow {@link TelemetryEvent#device()}, not a fixed end.
   */
  static TelemetryEvent event(int device, long seq, int id) {
    Endpoint dev = Endpoint.of(deviceIp(device), 502);
    Endpoint peer = Endpoint.of("192.168.100." + (device % 200 + 1), 40_000 + (int) (seq % 1000));
    Direction direction = switch ((int) (seq % 3)) {
      case 0 -> Direction.REQUEST;
      case 1 -> Direction.RESPONSE;
      default -> Direction.UNSOLICITED;
    };
    boolean fromDevice = direction != Direction.REQUEST;
    return TelemetryEvent.builder()
        .timeMicros(1_700_000_000_000_000L + seq)
        .sensor("test")
        .source(fromDevice ? dev : peer)
        .destination(fromDevice ? peer : dev)
        .protocol("modbus")
        .operation(direction == Direction.REQUEST ? "READ_HOLDING_REGISTERS" : "RESPONSE")
        .direction(direction)
        .fields(Map.of(SEQ, seq, ID, id))
        .payloadSize(12)
        .build();
  }

  static long seq(TelemetryEvent e) {
    return (Long) e.fields().get(SEQ);
  }

  static int id(TelemetryEvent e) {
    return (Integer) e.fields().get(ID);
  }

  /** Waits until {@code condition} holds; fails naming {@code what} if it never does. */
  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIVENESS_TIMEOUT_MILLIS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }

  static void awaitLatch(CountDownLatch latch, String what) {
    try {
      if (!latch.await(LIVENESS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        fail("timed out waiting for " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted waiting for " + what);
    }
  }

  static void awaitScored(ScoringEngine engine, long events) {
    await(events + " events scored (status: " + engine.status() + ")", () -> engine.status().eventsScored() == events);
  }

  static Set<Thread> pipelineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("isthmus-pipeline"))
        .collect(Collectors.toCollection(HashSet::new));
  }

  static void stopQuietly(ScoringEngine engine) {
    try {
      if (engine.isRunning()) {
        engine.stop(LIVENESS_TIMEOUT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Publishes until stopped, each thread owning its own devices so their sequence numbers are
   * well defined: device {@code d} gets 0, 1, 2, ... in order.
   */
  static final class Publisher extends Thread {
    private final EventChannel channel;
    private final int firstDevice;
    private final int devices;
    private final int idBase;
    private final long maxEvents;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final long[] next;
    volatile long sent;

    /**
     * @param idBase the id of this publisher's first event; ids run on from it, so publishers
     *     given disjoint ranges give every event a unique id
     */
    Publisher(ScoringEngine engine, String sourceId, SourceKind kind, int firstDevice, int devices, int idBase,
        long maxEvents) {
      super("test-publisher-" + sourceId);
      this.channel = engine.openChannel(sourceId, kind);
      this.firstDevice = firstDevice;
      this.devices = devices;
      this.idBase = idBase;
      this.maxEvents = maxEvents;
      this.next = new long[devices];
      setDaemon(true);
    }

    @Override
    public void run() {
      long n = 0;
      int d = 0;
      while (n < maxEvents && !stop.get()) {
        channel.publish(event(firstDevice + d, next[d]++, (int) (idBase + n)));
        n++;
        sent = n;
        d = d + 1 == devices ? 0 : d + 1;
      }
      channel.close();
    }

    EventChannel channel() {
      return channel;
    }

    void finish() throws InterruptedException {
      stop.set(true);
      join(LIVENESS_TIMEOUT_MILLIS);
      if (isAlive()) {
        fail(getName() + " did not stop");
      }
    }
  }

  /**
   * Checks what a model sees, across its versions: every device's events arrive with sequence
   * numbers 0, 1, 2, ... (none lost, duplicated or reordered) and never on two threads at once.
   */
  static final class Ledger {
    final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
    final Map<String, Thread> inside = new ConcurrentHashMap<>();
    final Map<String, Thread> owner = new ConcurrentHashMap<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();

    void check(TelemetryEvent event, String who) {
      String device = event.device().deviceKey();
      Thread me = Thread.currentThread();
      Thread other = inside.putIfAbsent(device, me);
      if (other != null) {
        violation(who + ": device " + device + " observed on " + me.getName() + " while " + other.getName() + " was in it");
      }
      Thread first = owner.putIfAbsent(device, me);
      if (first != null && first != me) {
        violation(who + ": device " + device + " moved from " + first.getName() + " to " + me.getName());
      }
      long seq = seq(event);
      Long before = lastSeq.put(device, seq);
      long expected = before == null ? 0 : before + 1;
      if (seq != expected) {
        violation(who + ": device " + device + " got seq " + seq + " after " + before);
      }
      if (other == null) {
        inside.remove(device, me);
      }
    }

    void violation(String message) {
      if (violations.size() < 20) {
        violations.add(message);
      }
    }

    List<String> violations() {
      return List.copyOf(violations);
    }
  }

  /** A model that counts, optionally records per-event ids, and checks order through a ledger. */
  static class TestModel implements DetectionModel {
    final String id;
    final String version;
    final LongAdder observed = new LongAdder();
    final Ledger ledger;
    final AtomicIntegerArray seenIds;
    volatile boolean exported;
    volatile long exportedCount = -1;
    volatile ModelState imported;
    /** Set on a next version: it must have imported the previous version's state before any event. */
    volatile boolean expectsImport;

    TestModel(String id, String version, Ledger ledger, int maxIds) {
      this.id = id;
      this.version = version;
      this.ledger = ledger;
      this.seenIds = new AtomicIntegerArray(maxIds);
    }

    TestModel(String id, String version) {
      this(id, version, new Ledger(), 0);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public void observe(TelemetryEvent event, FindingSink findings) {
      if (exported) {
        ledger.violation(id + "@" + version + " observed an event after its state was exported");
      }
      if (expectsImport && imported == null) {
        ledger.violation(id + "@" + version + " observed an event before importing the previous state");
      }
      ledger.check(event, id + "@" + version);
      if (seenIds.length() > 0) {
        seenIds.incrementAndGet(Fixtures.id(event));
      }
      observed.increment();
    }

    long observed() {
      return observed.sum();
    }

    @Override
    public ModelState exportState() {
      long count = observed.sum();
      exportedCount = count;
      exported = true;
      return new ModelState(id, version, 1, ByteBuffer.allocate(Long.BYTES).putLong(count).array());
    }

    @Override
    public void importState(ModelState state) {
      imported = state;
    }

    long importedCount() {
      return ByteBuffer.wrap(imported.data()).getLong();
    }
  }
}
