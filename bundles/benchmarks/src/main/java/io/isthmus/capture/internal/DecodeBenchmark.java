package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Frames per second of each protocol decoder behind the real capture path (pcap reader, IP and
 * TCP reassembly, conversation tracking), over a real capture held in memory. One operation
 * decodes the whole capture; the {@code frames} counter turns that into frames per second.
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} divided by the capture's frame count is the
 * allocation per frame. {@code rows=true} also builds the Zeek log rows ({@code isthmus decode
 * --format zeek-json}); {@code false} is the live pipeline's path (events only).
 *
 * <p>Run from the repository root: the captures are the decoders' test resources.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@State(Scope.Thread)
public class DecodeBenchmark {

  /** Protocol, its decoder components and the capture it decodes. */
  private static final Map<String, List<String>> DECODERS = Map.of(
      "modbus", List.of("io.isthmus.protocol.modbus.internal.ModbusDecoder"),
      "bacnet", List.of("io.isthmus.protocol.bacnet.internal.BacnetDecoder"),
      "dnp3", List.of("io.isthmus.protocol.dnp3.internal.Dnp3TcpDecoder",
          "io.isthmus.protocol.dnp3.internal.Dnp3UdpDecoder"),
      "enip", List.of("io.isthmus.protocol.enip.internal.EnipTcpDecoder",
          "io.isthmus.protocol.enip.internal.EnipUdpDecoder"),
      "mqtt", List.of("io.isthmus.protocol.mqtt.internal.MqttDecoder"));

  @Param({
      "modbus:bundles/protocol-modbus/src/test/resources/modbus_polling_ModbusTCP.pcap",
      "bacnet:bundles/protocol-bacnet/src/test/resources/bacnet_example.pcap",
      "dnp3:bundles/protocol-dnp3/src/test/resources/dnp3_example.pcap",
      "enip:bundles/protocol-enip/src/test/resources/enip_cip_example.pcap",
      "mqtt:bundles/protocol-mqtt/src/test/resources/mqtt_v31.pcapng"})
  public String capture;

  @Param({"false", "true"})
  public boolean rows;

  private byte[] bytes;
  private DecoderRegistry registry;

  /** Frames decoded, reported per second next to the (per-capture) score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Frames {
    public long frames;

    @Setup(Level.Iteration)
    public void reset() {
      frames = 0;
    }
  }

  @Setup(Level.Trial)
  public void load() throws IOException, ReflectiveOperationException {
    int colon = capture.indexOf(':');
    String protocol = capture.substring(0, colon);
    bytes = Files.readAllBytes(Path.of(capture.substring(colon + 1)));
    registry = new DecoderRegistry();
    for (ProtocolDecoder d : DecoderInstances.create(DECODERS.get(protocol).toArray(String[]::new))) {
      registry.add(d);
    }
  }

  @Benchmark
  public long decodeCapture(Frames frames, Blackhole hole) throws IOException {
    long n = decode(hole);
    frames.frames += n;
    return n;
  }

  private long decode(Blackhole hole) throws IOException {
    Weirds weirds = Weirds.silent();
    DecodeOutput output = new DecodeOutput() {
      @Override
      public void accept(TelemetryEvent event) {
        hole.consume(event);
      }

      @Override
      public boolean wantsLogs() {
        return rows;
      }

      @Override
      public void log(Conversation conversation, long timeMicros, String path, Map<String, Object> row) {
        hole.consume(row);
      }
    };
    try (CaptureReader reader = CaptureFiles.open(new ByteArrayInputStream(bytes), "bench", weirds)) {
      ReplayStats stats = new CaptureReplayer(ReplaySettings.DEFAULTS, registry, "default", "bench")
          .run(reader, weirds, output, () -> false, 1, 0);
      return stats.packets;
    }
  }
}
