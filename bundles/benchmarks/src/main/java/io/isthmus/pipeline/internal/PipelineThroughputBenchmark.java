package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.SourceKind;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second through the real {@link ScoringEngine}: a source publishes a batch over a
 * {@link Backpressure#BLOCK} channel and the invocation ends only when the engine has scored as
 * many events as were published, so the score counts completed (scored) events, not offers.
 *
 * <p>One trivial model that counts events, devices spread over {@value #DEVICES} IP addresses,
 * events allocated before the measurement (the pipeline still allocates its own {@code
 * QueuedEvent} per accepted event, as it does in production). Lives in the engine's package to
 * reach the package-private engine without OSGi.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class PipelineThroughputBenchmark {
  static final int DEVICES = 1_000;
  static final int BATCH = 8_192;
  /** Events each publisher cycles through: enough that the devices' order looks random. */
  static final int EVENTS_PER_PUBLISHER = 1 << 16;

  /** Counts events and does nothing else: the benchmark measures the pipeline, not a model. */
  static final class CountingModel implements DetectionModel {
    final LongAdder events = new LongAdder();

    @Override
    public String id() {
      return "bench-count";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public void observe(TelemetryEvent event, FindingSink findings) {
      events.increment();
    }

    @Override
    public ModelState exportState() {
      return ModelState.empty(id(), version());
    }

    @Override
    public void importState(ModelState state) {}
  }

  @State(Scope.Benchmark)
  public static class Engine {
    @Param({"2"})
    public int workers;

    /** The default {@code queue.capacity}. */
    @Param({"65536"})
    public int queueCapacity;

    ScoringEngine engine;
    final CountingModel model = new CountingModel();
    /** Events whose publishing has finished, over all publisher threads. */
    final AtomicLong published = new AtomicLong();
    final AtomicInteger publishers = new AtomicInteger();

    @Setup(Level.Trial)
    public void start() {
      engine = new ScoringEngine(new EngineSettings(workers, queueCapacity,
          BackpressurePolicy.parse(new String[0]), 30_000, 2_000_000));
      engine.registry().add(model);
      engine.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
      engine.stop(30_000);
      long scored = engine.status().eventsScored();
      if (scored != published.get() || model.events.sum() != scored) {
        throw new IllegalStateException("published " + published.get() + ", scored " + scored
            + ", model saw " + model.events.sum());
      }
    }
  }

  @State(Scope.Thread)
  public static class Source {
    TelemetryEvent[] events;
    EventChannel channel;
    int next;

    @Setup(Level.Trial)
    public void open(Engine e) {
      int publisher = e.publishers.getAndIncrement();
      channel = e.engine.openChannel("pcap:bench-" + publisher, SourceKind.FILE_REPLAY);
      if (channel.backpressure() != Backpressure.BLOCK) {
        throw new IllegalStateException("expected a BLOCK channel, got " + channel.backpressure());
      }
      Endpoint[] devices = new Endpoint[DEVICES];
      for (int d = 0; d < DEVICES; d++) {
        devices[d] = Endpoint.of("10.20." + (d >> 8) + "." + (d & 0xff), 502);
      }
      Endpoint[] masters = new Endpoint[8];
      for (int m = 0; m < masters.length; m++) {
        masters[m] = Endpoint.of("10.10.0." + (m + 1), 49_152 + m);
      }
      SplittableRandom random = new SplittableRandom(42 + publisher);
      events = new TelemetryEvent[EVENTS_PER_PUBLISHER];
      for (int i = 0; i < events.length; i++) {
        Endpoint device = devices[random.nextInt(DEVICES)];
        Endpoint master = masters[random.nextInt(masters.length)];
        boolean request = (i & 1) == 0;
        events[i] = TelemetryEvent.builder()
            .timeMicros(1_700_000_000_000_000L + i)
            .sensor("bench")
            .source(request ? master : device)
            .destination(request ? device : master)
            .protocol("modbus")
            .operation("READ_HOLDING_REGISTERS")
            .direction(request ? Direction.REQUEST : Direction.RESPONSE)
            .fields(Map.of("unit_id", 1, "func", 3, "address", i & 0xffff, "quantity", 10))
            .payloadSize(12)
            .build();
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      channel.close();
    }
  }

  /** Publishes a batch and waits until the engine has scored everything published so far. */
  static long publishBatchAndWait(Engine e, Source s) {
    TelemetryEvent[] events = s.events;
    EventChannel channel = s.channel;
    int i = s.next;
    for (int n = 0; n < BATCH; n++) {
      if (!channel.publish(events[i])) {
        throw new IllegalStateException("a BLOCK channel refused an event");
      }
      i = i + 1 == events.length ? 0 : i + 1;
    }
    s.next = i;
    long target = e.published.addAndGet(BATCH);
    long scored;
    while ((scored = e.engine.status().eventsScored()) < target) {
      // Leave the cores to the workers while waiting; the wait is what ends the invocation.
      LockSupport.parkNanos(20_000);
    }
    return scored;
  }

  @Benchmark
  @Threads(1)
  @OperationsPerInvocation(BATCH)
  public long onePublisher(Engine e, Source s) {
    return publishBatchAndWait(e, s);
  }

  @Benchmark
  @Threads(2)
  @OperationsPerInvocation(BATCH)
  public long twoPublishers(Engine e, Source s) {
    return publishBatchAndWait(e, s);
  }
}
