package io.isthmus.capture.internal;

import static io.isthmus.capture.internal.RecordingDecoder.pdus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component outside a framework: constructed, activated and deactivated by hand. */
class CaptureReplayTest {
  @TempDir
  Path dir;

  private final FakePipeline pipeline = new FakePipeline();

  private Path capture(String name, int conversations) throws IOException {
    PcapWriter w = PcapWriter.ethernet();
    for (int i = 0; i < conversations; i++) {
      TcpSession s = new TcpSession("10.0.0." + (i + 1), 40000, "10.0.1.1", 502, 1, 2);
      w.packet(1000, i * 3L, s.syn()).packet(1000, i * 3L + 1, s.synAck()).packet(1000, i * 3L + 2,
          s.fromClient(pdus("read")));
    }
    Path file = dir.resolve(name);
    Files.write(file, w.bytes());
    return file;
  }

  @Test
  void replaysTheFileIntoItsOwnChannelOnItsOwnThread() throws Exception {
    Path file = capture("plant.pcap", 3);
    CaptureReplay replay = new CaptureReplay(pipeline, config(file.toString(), "acme", "", false));
    replay.addDecoder(RecordingDecoder.tcp(502));
    pipeline.expect(3);
    replay.activate();
    assertTrue(pipeline.arrived.await(30, TimeUnit.SECONDS));
    replay.deactivate();
    assertEquals("pcap:plant.pcap", pipeline.channel.sourceId);
    assertEquals(SourceKind.FILE_REPLAY, pipeline.kind);
    assertEquals(List.of("read", "read", "read"), pipeline.channel.events.stream().map(TelemetryEvent::operation).toList());
    TelemetryEvent e = pipeline.channel.events.get(0);
    assertEquals("acme", e.tenant());
    assertEquals("plant.pcap", e.sensor());
    assertTrue(pipeline.channel.closed);
  }

  @Test
  void aLoopingReplayStopsWhenDeactivated() throws Exception {
    Path file = capture("loop.pcap", 1);
    CaptureReplay replay = new CaptureReplay(pipeline, config(file.toString(), "default", "line-2", true));
    replay.addDecoder(RecordingDecoder.tcp(502));
    pipeline.expect(5);
    replay.activate();
    assertTrue(pipeline.arrived.await(30, TimeUnit.SECONDS));
    replay.deactivate();
    int seen = pipeline.channel.events.size();
    assertTrue(pipeline.channel.closed);
    assertEquals(seen, pipeline.channel.events.size());
    List<Long> times = pipeline.channel.events.stream().map(TelemetryEvent::timeMicros).toList();
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i) > times.get(i - 1), "each pass moves capture time forward: " + times);
    }
    assertEquals("line-2", pipeline.channel.events.get(0).sensor());
  }

  @Test
  void aMissingOrForeignFileFailsActivationWithItsReason() throws IOException {
    assertThrows(IllegalArgumentException.class, () -> new CaptureReplay(pipeline, config(" ", "default", "", false)));
    NoSuchFileException missing = assertThrows(NoSuchFileException.class,
        () -> new CaptureReplay(pipeline, config(dir.resolve("nope.pcap").toString(), "default", "", false)));
    assertTrue(missing.getMessage().endsWith("nope.pcap: no such capture file"), missing.getMessage());
    Path text = dir.resolve("readme.txt");
    Files.writeString(text, "not a capture");
    CaptureFormatException foreign = assertThrows(CaptureFormatException.class,
        () -> new CaptureReplay(pipeline, config(text.toString(), "default", "", false)));
    assertEquals("readme.txt is not a pcap or pcapng capture (it starts with 0x6e6f7420)", foreign.getMessage());
    assertFalse(pipeline.opened);
  }

  private static ReplayConfig config(String path, String tenant, String sensor, boolean loop) {
    return new ReplayConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return ReplayConfig.class;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public String tenant() {
        return tenant;
      }

      @Override
      public String sensor() {
        return sensor;
      }

      @Override
      public boolean loop() {
        return loop;
      }

      @Override
      public int max_flows() {
        return 1024;
      }

      @Override
      public int tcp_idle_timeout_s() {
        return 300;
      }

      @Override
      public int udp_idle_timeout_s() {
        return 60;
      }

      @Override
      public int max_stream_buffer_kib() {
        return 256;
      }

      @Override
      public int max_buffered_mib() {
        return 64;
      }
    };
  }

  private static final class FakePipeline implements TelemetryPipeline {
    final FakeChannel channel = new FakeChannel(this);
    volatile CountDownLatch arrived = new CountDownLatch(1);
    volatile boolean opened;
    SourceKind kind;

    void expect(int events) {
      arrived = new CountDownLatch(events);
    }

    @Override
    public EventChannel openChannel(String sourceId, SourceKind kind) {
      opened = true;
      channel.sourceId = sourceId;
      this.kind = kind;
      return channel;
    }

    @Override
    public PipelineStatus status() {
      throw new UnsupportedOperationException();
    }
  }

  private static final class FakeChannel implements EventChannel {
    final List<TelemetryEvent> events = new CopyOnWriteArrayList<>();
    final FakePipeline pipeline;
    volatile String sourceId = "";
    volatile boolean closed;

    FakeChannel(FakePipeline pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    public String sourceId() {
      return sourceId;
    }

    @Override
    public Backpressure backpressure() {
      return Backpressure.BLOCK;
    }

    @Override
    public boolean publish(TelemetryEvent event) {
      if (closed) {
        return false;
      }
      events.add(event);
      pipeline.arrived.countDown();
      return true;
    }

    @Override
    public long accepted() {
      return events.size();
    }

    @Override
    public long dropped() {
      return 0;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
