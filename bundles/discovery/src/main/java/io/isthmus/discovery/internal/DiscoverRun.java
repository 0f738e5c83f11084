package io.isthmus.discovery.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.decode.CaptureService;
import io.isthmus.api.decode.NotACaptureException;
import io.isthmus.api.decode.ReplaySummary;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.EventObserver;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * One {@code isthmus discover}: the captures replayed through the pipeline with an observer of its
 * own (so the output is exactly what these files show), the devices printed, and the discovery
 * observer, which saw the same events, told to write them to the asset store.
 */
final class DiscoverRun {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int MAX_DEVICES = 100_000;
  static final int MAX_PEERS = 256;
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(120);

  private final DiscoverRequest request;
  private final TelemetryPipeline pipeline;
  private final CaptureService captures;
  private final DiscoveryObserver discovery;
  private final Function<EventObserver, AutoCloseable> register;
  private final DeviceTable table = new DeviceTable(MAX_DEVICES, MAX_PEERS);
  private final LongAdder skipped = new LongAdder();
  private long events;

  DiscoverRun(DiscoverRequest request, TelemetryPipeline pipeline, CaptureService captures, DiscoveryObserver discovery,
      Function<EventObserver, AutoCloseable> register) {
    this.request = request;
    this.pipeline = pipeline;
    this.captures = captures;
    this.discovery = discovery;
    this.register = register;
  }

  int run() {
    try {
      return discover();
    } catch (Failure f) {
      request.err().println("isthmus: " + f.getMessage());
      return f.code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.err().println("isthmus: discover interrupted");
      return FAILED;
    }
  }

  private int discover() throws Failure, InterruptedException {
    long started = System.nanoTime();
    if (!DiscoverRequest.FORMATS.contains(request.format())) {
      throw new Failure(USAGE, "unknown format '" + request.format() + "' (known: " + String.join(", ", DiscoverRequest.FORMATS) + ")");
    }
    if (request.inputs().isEmpty()) {
      throw new Failure(USAGE, "discover needs at least one capture file");
    }
    for (String file : request.inputs()) {
      checkReadable(file);
    }
    EventFacts facts = new EventFacts(table);
    EventObserver observer = event -> {
      try {
        facts.observe(event);
      } catch (RuntimeException e) {
        skipped.increment();
      }
    };
    try (AutoCloseable observing = register.apply(observer);
        EventChannel channel = pipeline.openChannel("discover", SourceKind.FILE_REPLAY)) {
      for (String file : request.inputs()) {
        events += replay(file, channel);
      }
      awaitScored();
    } catch (Failure | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new Failure(FAILED, "discover failed: " + e);
    }
    Assets assets = new Assets(discovery.oui(), table.sharedMacs(), table::isSilent);
    List<DeviceView> devices = table.senders().stream()
        .sorted(Comparator.comparing(s -> Addresses.sortKey(s.ip())))
        .map(s -> new DeviceView(assets.of(s), s.firstSeen(), s.lastSeen()))
        .toList();
    try {
      DeviceWriter.of(request.format()).write(devices, request.out());
    } catch (IOException e) {
      throw new Failure(FAILED, "cannot write the devices: " + e.getMessage());
    }
    String stored = store(devices);
    request.err().println(String.format(Locale.ROOT, "isthmus: %,d devices in %d file%s (%,d events)%s; %s in %.2f s",
        devices.size(), request.inputs().size(), request.inputs().size() == 1 ? "" : "s", events,
        (skipped.sum() > 0 ? String.format(Locale.ROOT, ", %,d events skipped", skipped.sum()) : "")
        + (table.untracked() > 0 ? String.format(Locale.ROOT, ", %,d more addresses not tracked (limit %,d)", table.untracked(), MAX_DEVICES) : ""),
        stored, (System.nanoTime() - started) / 1e9));
    return stored.startsWith("not stored") ? FAILED : OK;
  }

  /** The discovery observer saw the same events: has it write them now, and tells how many are stored. */
  private String store(List<DeviceView> devices) {
    try {
      if (discovery.flushNow() < 0) {
        return "no asset store, nothing stored";
      }
    } catch (RuntimeException e) {
      return "not stored: the asset store failed: " + e.getMessage();
    }
    long stored = devices.stream().filter(d -> discovery.isStored(d.asset().id())).count();
    return String.format(Locale.ROOT, "%,d of them in the asset store%s%s", stored,
        request.dataDir() == null ? "" : " in " + request.dataDir(),
        stored < devices.size() ? String.format(Locale.ROOT, " (%,d over discovery's limit of devices)", devices.size() - stored) : "");
  }

  private long replay(String file, EventChannel channel) throws Failure {
    Path path = Path.of(file);
    String sensor = path.getFileName() == null ? file : path.getFileName().toString();
    try {
      ReplaySummary s = captures.replay(path, sensor, channel);
      return s.events() - s.notAccepted();
    } catch (NotACaptureException e) {
      throw new Failure(FAILED, String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new Failure(FAILED, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Waits until the pipeline has handed every accepted event to the observers. */
  private void awaitScored() throws Failure, InterruptedException {
    long lastScored = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      PipelineStatus s = pipeline.status();
      if (s.eventsScored() >= s.eventsIn()) {
        return;
      }
      long now = System.nanoTime();
      if (s.eventsScored() != lastScored) {
        lastScored = s.eventsScored();
        lastProgress = now;
      } else if (now - lastProgress > STALL_NANOS) {
        throw new Failure(FAILED, String.format(Locale.ROOT, "the pipeline stopped: %d of %d events observed",
            s.eventsScored(), s.eventsIn()));
      }
      Thread.sleep(5);
    }
  }

  private static void checkReadable(String file) throws Failure {
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      throw new Failure(FAILED, "cannot read " + file + ": no such file");
    }
    if (Files.isDirectory(path)) {
      throw new Failure(FAILED, "cannot read " + file + ": it is a directory");
    }
    if (!Files.isReadable(path)) {
      throw new Failure(FAILED, "cannot read " + file + ": permission denied");
    }
  }

  /** A device as printed: the asset and when it was first and last seen. */
  record DeviceView(Asset asset, java.time.Instant firstSeen, java.time.Instant lastSeen) {}

  /** Ends the run with an exit code and a one-line message. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
