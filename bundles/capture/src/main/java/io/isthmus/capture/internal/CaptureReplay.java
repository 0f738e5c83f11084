package io.isthmus.capture.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays one capture file, configured by a factory configuration, into the pipeline on its own
 * thread. Protocol decoders are dynamic: one that arrives serves the conversations that start
 * after it; one that leaves stops being called at once.
 */
@Component(service = {}, configurationPid = ReplayConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ReplayConfig.class, factory = true)
public final class CaptureReplay {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureReplay.class);
  private static final long JOIN_MILLIS = 10_000;
  private static final long LOOP_PAUSE_MICROS = 1_000_000;

  private final DecoderRegistry decoders = new DecoderRegistry();
  private final Path file;
  private final String fileName;
  private final String tenant;
  private final String sensor;
  private final boolean loop;
  private final ReplaySettings settings;
  private final EventChannel channel;
  private final WeirdLog weirdLog;
  private final Thread thread;
  private volatile boolean stopping;
  private long rejected;

  @Activate
  public CaptureReplay(@Reference TelemetryPipeline pipeline, ReplayConfig config) throws IOException {
    if (config.path() == null || config.path().isBlank()) {
      throw new IllegalArgumentException(ReplayConfig.PID + ": no capture file configured (path is empty)");
    }
    this.file = Path.of(config.path());
    this.fileName = file.getFileName() == null ? config.path() : file.getFileName().toString();
    this.tenant = config.tenant();
    this.sensor = config.sensor().isBlank() ? fileName : config.sensor();
    this.loop = config.loop();
    this.settings = settings(config);
    this.weirdLog = new WeirdLog(LOG, "pcap:" + fileName);
    // Open now, so a missing file or one that is not a capture fails the component with its reason.
    CaptureReader first = open(new Weirds(weirdLog));
    this.channel = pipeline.openChannel("pcap:" + fileName, SourceKind.FILE_REPLAY);
    this.thread = new Thread(() -> run(first), "isthmus-replay-" + sensor);
    thread.setDaemon(true);
  }

  @Activate
  void activate() {
    thread.start();
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    stopping = true;
    thread.interrupt();
    thread.join(JOIN_MILLIS);
    if (thread.isAlive()) {
      LOG.warn("Replay of {} did not stop within {} ms", fileName, JOIN_MILLIS);
    }
    channel.close();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addDecoder(ProtocolDecoder decoder) {
    decoders.add(decoder);
  }

  void removeDecoder(ProtocolDecoder decoder) {
    decoders.remove(decoder);
  }

  private void run(CaptureReader first) {
    CaptureReplayer replayer = new CaptureReplayer(settings, decoders, tenant, sensor);
    CaptureReader reader = first;
    long shift = 0;
    for (int pass = 1; ; pass++) {
      long started = System.nanoTime();
      Weirds weirds = new Weirds(weirdLog);
      ReplayStats stats;
      try (CaptureReader r = reader) {
        stats = replayer.run(r, weirds, this::publish, () -> stopping, fileName.hashCode() + pass, shift);
      } catch (IOException e) {
        if (!stopping) {
          LOG.error("Replay of {} failed: {}", fileName, e.toString());
        }
        return;
      } catch (RuntimeException e) {
        LOG.error("Replay of {} failed", fileName, e);
        return;
      }
      if (stopping) {
        LOG.info("Replay of {} stopped: {}", fileName, stats);
        return;
      }
      LOG.info(summary(stats, weirds, pass, (System.nanoTime() - started) / 1e9));
      if (!loop) {
        return;
      }
      if (stats.packets == 0) {
        LOG.warn("Replay of {} does not loop: the capture has no packets", fileName);
        return;
      }
      shift += stats.spanMicros() + LOOP_PAUSE_MICROS;
      try {
        reader = open(weirds);
      } catch (IOException e) {
        LOG.error("Replay of {} cannot start pass {}: {}", fileName, pass + 1, e.getMessage());
        return;
      }
    }
  }

  private CaptureReader open(Weirds weirds) throws IOException {
    try {
      return CaptureFiles.open(file, weirds);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file + ": no such capture file");
    }
  }

  private void publish(TelemetryEvent event) {
    if (!channel.publish(event)) {
      rejected++;
    }
  }

  private String summary(ReplayStats s, Weirds weirds, int pass, double seconds) {
    StringBuilder line = new StringBuilder(String.format("Replayed %s%s (sensor %s): %,d packets, %,d conversations",
        fileName, loop ? " (pass " + pass + ")" : "", sensor, s.packets, s.conversations));
    if (s.ignoredConversations > 0) {
      line.append(String.format(" (%,d more without a decoder)", s.ignoredConversations));
    }
    line.append(String.format(", %,d events, %,d weirds", s.events, s.weirds));
    if (s.gaps > 0) {
      line.append(String.format(", %,d gaps (%,d bytes not captured)", s.gaps, s.missedBytes));
    }
    if (rejected > 0) {
      line.append(String.format(", %,d events not accepted by the pipeline", rejected));
    }
    line.append(String.format(" in %.2f s", seconds));
    Map<String, Long> counts = weirds.counts();
    if (!counts.isEmpty()) {
      line.append(counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", ", " [", "]")));
    }
    return line.toString();
  }

  private static ReplaySettings settings(ReplayConfig c) {
    ReplaySettings d = ReplaySettings.DEFAULTS;
    return new ReplaySettings(c.max_flows(), c.tcp_idle_timeout_s() * 1_000_000L, c.udp_idle_timeout_s() * 1_000_000L,
        c.max_stream_buffer_kib() * 1024, d.maxPendingBytes(), (long) c.max_buffered_mib() << 20,
        d.maxFragmentDatagrams(), d.maxFragmentBytes(), d.fragmentTimeoutMicros());
  }
}
