package io.isthmus.capture.internal.live;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.MonitoredSource;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.SourceStatus;
import io.isthmus.api.pipeline.SourceStatus.State;
import io.isthmus.api.pipeline.TelemetryPipeline;
import io.isthmus.capture.internal.FrameReplay;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
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
 * Captures from one interface, configured by a factory configuration, into the pipeline on its own
 * thread, through the decoding path of file replay. When it cannot run (no libpcap, no JNA, no
 * CAP_NET_RAW, no such interface, a filter that does not compile) it says why in one log line and
 * in its {@link SourceStatus}, which health reports as a problem; it never fails activation.
 */
@Component(service = MonitoredSource.class, immediate = true, configurationPid = LiveConfig.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LiveConfig.class, factory = true)
public final class LiveCapture implements MonitoredSource {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCapture.class);
  private static final long JOIN_MILLIS = 5_000;
  private static final int READ_TIMEOUT_MILLIS = 250;

  private final TelemetryPipeline pipeline;
  private final CaptureSettings settings;
  private final String sensor;
  private final String sourceId;
  private final FrameReplay replay;
  private volatile State state = State.STARTING;
  private volatile @Nullable String problem;
  private volatile @Nullable InterfaceCapture capture;
  private volatile @Nullable EventChannel channel;
  private @Nullable Thread thread;
  private volatile boolean stopping;
  /** Written by the capture thread only. */
  private volatile long events;

  @Activate
  public LiveCapture(@Reference TelemetryPipeline pipeline, LiveConfig config) {
    this.pipeline = pipeline;
    String device = config.interface$() == null ? "" : config.interface$().strip();
    this.settings = new CaptureSettings(device, config.filter() == null ? "" : config.filter().strip(), config.snaplen(),
        config.promiscuous(), (int) Math.min((long) config.buffer_mib() << 20, Integer.MAX_VALUE), READ_TIMEOUT_MILLIS);
    this.sensor = config.sensor() == null || config.sensor().isBlank() ? device : config.sensor().strip();
    this.sourceId = "live:" + (device.isEmpty() ? "?" : device.equals(sensor) ? device : device + "@" + sensor);
    this.replay = new FrameReplay(config.tenant(), sensor, new FrameReplay.Bounds(config.max_flows(),
        config.tcp_idle_timeout_s(), config.udp_idle_timeout_s(), config.max_stream_buffer_kib(),
        config.max_buffered_mib()), LOG, sourceId);
  }

  @Activate
  void activate() {
    if (settings.device().isEmpty()) {
      fail(LiveConfig.PID + ": no interface configured (interface is empty)");
      return;
    }
    InterfaceCapture opened;
    try {
      opened = PcapCapture.open(settings);
    } catch (LiveCaptureException e) {
      fail(e.getMessage());
      return;
    } catch (LinkageError e) {
      fail("live capture on " + settings.device() + " needs the JNA bundle (net.java.dev.jna:jna, in "
          + "features/capture-live.json), which is not installed or did not load (" + e + ")");
      return;
    }
    capture = opened;
    if (opened.warning() != null) {
      LOG.warn("Live capture on {}: {}", settings.device(), opened.warning());
    }
    channel = pipeline.openChannel(sourceId, SourceKind.LIVE);
    Thread t = new Thread(() -> run(opened), "isthmus-live-" + settings.device());
    t.setDaemon(true);
    thread = t;
    state = State.RUNNING;
    t.start();
    LOG.info("Live capture on {} started (sensor {}, link type {}{})", settings.device(), sensor, opened.linkType(),
        settings.filter().isEmpty() ? "" : ", filter \"" + settings.filter() + "\"");
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    stopping = true;
    InterfaceCapture c = capture;
    Thread t = thread;
    if (c != null && t != null) {
      c.breakLoop();
      t.join(JOIN_MILLIS);
      if (t.isAlive()) {
        // Closing the handle under a thread still inside libpcap could crash the JVM: leak it instead.
        LOG.warn("Live capture on {} did not stop within {} ms; its handle is left open", settings.device(), JOIN_MILLIS);
      } else {
        c.close();
      }
    }
    EventChannel ch = channel;
    if (ch != null) {
      ch.close();
    }
    if (state != State.FAILED) {
      state = State.STOPPED;
    }
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addDecoder(ProtocolDecoder decoder) {
    replay.addDecoder(decoder);
  }

  void removeDecoder(ProtocolDecoder decoder) {
    replay.removeDecoder(decoder);
  }

  @Override
  public SourceStatus sourceStatus() {
    InterfaceCapture c = capture;
    EventChannel ch = channel;
    return new SourceStatus(sourceId, SourceKind.LIVE, sensor, state, problem, c == null ? 0 : c.packets(),
        c == null ? 0 : c.kernelDrops(), c == null ? 0 : c.interfaceDrops(), events, ch == null ? 0 : ch.dropped(),
        replay.weirds());
  }

  private void run(InterfaceCapture c) {
    try {
      String summary = replay.run(c, this::publish, () -> stopping, ThreadLocalRandom.current().nextLong());
      if (stopping) {
        LOG.info("Live capture on {} stopped: {}, {} kernel drops, {} interface drops", settings.device(), summary,
            c.kernelDrops(), c.interfaceDrops());
      } else {
        fail("live capture on " + settings.device() + " ended: " + summary);
      }
    } catch (IOException e) {
      fail(e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Live capture on {} failed", settings.device(), e);
      fail("live capture on " + settings.device() + " failed: " + e);
    }
  }

  private void publish(TelemetryEvent event) {
    EventChannel ch = channel;
    events++;
    if (ch != null) {
      ch.publish(event); // a DROP channel counts what it refuses; sourceStatus reports it
    }
  }

  private void fail(@Nullable String oneLine) {
    String why = oneLine == null ? "live capture on " + settings.device() + " failed" : oneLine;
    problem = why;
    state = State.FAILED;
    LOG.error("{}: {}", sourceId, why);
  }
}
