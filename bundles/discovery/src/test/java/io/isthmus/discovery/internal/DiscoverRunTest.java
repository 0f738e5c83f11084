package io.isthmus.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.decode.CaptureService;
import io.isthmus.api.decode.ReplaySummary;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.EventObserver;
import io.isthmus.api.pipeline.LatencyHistogram;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import io.isthmus.capture.internal.OfflineReplay;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isthmus discover} on real captures through a stand-in pipeline that hands every event to
 * the observers at once, and a capture service over the real capture reader and decoders.
 */
class DiscoverRunTest {
  @TempDir Path dir;
  private final List<EventObserver> observers = new CopyOnWriteArrayList<>();
  private final AtomicLong in = new AtomicLong();
  private DiscoveryObserver discovery;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    discovery = new DiscoveryObserver(Captures.config(DiscoveryConfig.class, Map.of("flushIntervalSeconds", 3600)),
        OuiRegistry.EMPTY);
    observers.add(discovery);
  }

  @AfterEach
  void stop() throws InterruptedException {
    discovery.deactivate();
  }

  private final TelemetryPipeline pipeline = new TelemetryPipeline() {
    @Override
    public EventChannel openChannel(String sourceId, SourceKind kind) {
      return new EventChannel() {
        public String sourceId() { return sourceId; }
        public Backpressure backpressure() { return Backpressure.BLOCK; }
        public boolean publish(TelemetryEvent event) {
          in.incrementAndGet();
          observers.forEach(o -> o.observe(event));
          return true;
        }
        public long accepted() { return in.get(); }
        public long dropped() { return 0; }
        public void close() { }
      };
    }

    @Override
    public PipelineStatus status() {
      return new PipelineStatus(1, 1, 0, in.get(), in.get(), 0, 0, 0, List.of(), List.of(),
          new LatencyHistogram(new long[LatencyHistogram.BUCKETS], 0));
    }
  };

  private final CaptureService captures = (file, sensor, channel, bytesRead) -> {
    try (InputStream input = Files.newInputStream(file)) {
      OfflineReplay.Result r = OfflineReplay.run(input, sensor, Captures.decoders());
      r.events().forEach(channel::publish);
      return new ReplaySummary(r.packets(), r.conversations(), r.events().size(), 0, r.weirds());
    }
  };

  private int discover(Map<String, Object> request) {
    Map<String, Object> params = new HashMap<>(Map.of("out", out, "err", new PrintStream(err, true, StandardCharsets.UTF_8),
        "dataDir", dir.resolve("data").toString()));
    params.putAll(request);
    return new DiscoverService(pipeline, captures, discovery, observer -> {
      observers.add(observer);
      return () -> observers.remove(observer);
    }).apply(params).intValue();
  }

  private Path copy(String capture) throws IOException {
    Path file = dir.resolve(capture);
    try (InputStream input = Captures.resource(capture)) {
      Files.copy(input, file);
    }
    return file;
  }

  @Test
  void jsonListsTheDevicesOfEveryCaptureWithTheirIdentity() throws IOException {
    List<String> files = new ArrayList<>();
    for (String capture : List.of("bacnet_example.pcap", "EthernetIP_enip_test.pcap", "openics_EIP-SoftwareDownload.pcap")) {
      files.add(copy(capture).toString());
    }
    assertEquals(0, discover(Map.of("inputs", files, "format", "json")));
    JsonArray devices = Json.createReader(new StringReader(out.toString(StandardCharsets.UTF_8))).readArray();
    Map<String, Asset> expected = Captures.discover(OuiRegistry.EMPTY, "bacnet_example.pcap",
        "EthernetIP_enip_test.pcap", "openics_EIP-SoftwareDownload.pcap");
    List<String> ids = devices.stream().map(v -> v.asJsonObject().getString("id")).toList();
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(ids));
    assertEquals(ids.stream().sorted((a, b) -> Addresses.sortKey(a).compareTo(Addresses.sortKey(b))).toList(), ids,
        "in address order");
    for (JsonObject d : devices.getValuesAs(JsonObject.class)) {
      Asset a = expected.get(d.getString("id"));
      assertEquals(a.model(), d.isNull("model") ? null : d.getString("model"));
      assertEquals(a.vendor(), d.isNull("vendor") ? null : d.getString("vendor"));
      assertEquals(a.firmware(), d.isNull("firmware") ? null : d.getString("firmware"));
      assertEquals(a.roles(), strings(d.getJsonArray("roles")));
      assertEquals(a.peers(), strings(d.getJsonArray("peers")));
      assertEquals(a.attributes(), d.getJsonObject("attributes").entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> ((JsonString) e.getValue()).getString())));
      assertTrue(d.getString("first_seen").compareTo(d.getString("last_seen")) <= 0);
    }
    String summary = err.toString(StandardCharsets.UTF_8);
    assertTrue(summary.startsWith("isthmus: " + expected.size() + " devices in 3 files"), summary);
    assertTrue(summary.contains("no asset store, nothing stored"), summary);
    assertEquals(1, summary.lines().count(), summary);
  }

  @Test
  void theTableHasAHeaderAndALinePerDeviceAndTheStoreGetsThem() throws IOException {
    RecordingStore recording = new RecordingStore();
    discovery.setStore(recording.store);
    assertEquals(0, discover(Map.of("inputs", List.of(copy("openics_EIP-SoftwareDownload.pcap").toString()))));
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.get(0).startsWith("ADDRESS"), lines.get(0));
    String plc = lines.stream().filter(l -> l.startsWith("192.168.10.120 ")).findFirst().orElseThrow();
    assertTrue(plc.matches(".*Rockwell Automation/Allen-Bradley +1756-L61/B LOGIX5561 +16\\.20 +plc +enip .*"), plc);
    assertEquals(Captures.discover(OuiRegistry.EMPTY, "openics_EIP-SoftwareDownload.pcap").size(), lines.size() - 1,
        String.join("\n", lines));
    String summary = err.toString(StandardCharsets.UTF_8);
    assertTrue(summary.contains("; " + (lines.size() - 1) + " of them in the asset store in "), summary);
    assertEquals(lines.size() - 1, recording.seen().size());
    assertTrue(recording.seen().containsKey("192.168.10.120"));
  }

  @Test
  void badRequestsGetOneLineAndAUsageOrFailureCode() throws IOException {
    assertEquals(2, discover(Map.of("inputs", List.of(copy("zeek_mqtt.pcap").toString()), "format", "xml")));
    assertEquals("isthmus: unknown format 'xml' (known: table, json)\n", err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(1, discover(Map.of("inputs", List.of(dir.resolve("absent.pcap").toString()))));
    assertEquals("isthmus: cannot read " + dir.resolve("absent.pcap") + ": no such file\n", err.toString(StandardCharsets.UTF_8));
    err.reset();
    assertEquals(2, discover(Map.of("inputs", List.of())));
    err.reset();
    assertEquals(2, discover(Map.of()));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("isthmus: bad discover request"));
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("{"));
  }

  private static Set<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet());
  }
}
