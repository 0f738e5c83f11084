package io.isthmus.capture.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.SourceStatus;
import io.isthmus.protocol.modbus.internal.ModbusConfig;
import io.isthmus.protocol.modbus.internal.ModbusDecoder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Captures a real Modbus/TCP exchange (a pymodbus client and server on 127.0.0.1) on the loopback
 * interface and checks that the real Modbus decoder's events arrive, request by request, with
 * the transaction ids and function codes pymodbus reports.
 */
class LoopbackModbusTest {
  private static final Pattern PEER_LINE = Pattern.compile(
      "\\{\"func_code\": (\\d+), \"tid\": (\\d+), \"unit\": (\\d+), \"is_error\": (true|false)}");

  private record Exchange(int function, int transaction, int unit) {}

  @Test
  void modbusExchangeOnLoopbackArrivesAsDecodedEvents() throws Exception {
    Capture.assumeCanCapture();
    assumePymodbus();
    int port = freePort();
    CollectingPipeline pipeline = new CollectingPipeline(10_000);
    LiveCapture live = start(pipeline, port);
    try {
      SourceStatus started = live.sourceStatus();
      assertEquals(SourceStatus.State.RUNNING, started.state(), String.valueOf(started.problem()));
      assertEquals(List.of("live:lo@test-lo LIVE"), pipeline.opened);

      List<Exchange> exchanges = runPeer(port);
      assertEquals(5, exchanges.size());
      List<TelemetryEvent> events = awaitEvents(pipeline, 2 * exchanges.size());
      for (Exchange x : exchanges) {
        assertEquals(1, count(events, x, "REQUEST", port), "one request event for " + x + " in " + events);
        assertEquals(1, count(events, x, "RESPONSE", port), "one response event for " + x + " in " + events);
      }
      assertEquals(2 * exchanges.size(), events.size(), "no other events: " + events);

      SourceStatus s = live.sourceStatus();
      assertEquals(SourceKind.LIVE, s.kind());
      assertEquals("test-lo", s.sensor());
      // Handshake, 5 requests and responses with their ACKs, teardown: each seen once on lo.
      assertTrue(s.packets() >= 13, "packets " + s.packets());
      assertEquals(events.size(), s.events());
      assertEquals(0, s.eventsDropped());
      assertEquals(0, s.malformed());
      assertNull(s.problem());
    } finally {
      long started = System.nanoTime();
      live.deactivate();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertTrue(millis < 2_000, "deactivate took " + millis + " ms");
    }
    assertEquals(SourceStatus.State.STOPPED, live.sourceStatus().state());
  }

  /** A LIVE channel drops what the pipeline cannot take, and the source reports the count. */
  @Test
  void eventsThePipelineRefusesAreCountedAsDropped() throws Exception {
    Capture.assumeCanCapture();
    assumePymodbus();
    int port = freePort();
    CollectingPipeline pipeline = new CollectingPipeline(4);
    LiveCapture live = start(pipeline, port);
    try {
      List<Exchange> exchanges = runPeer(port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (live.sourceStatus().events() < 2L * exchanges.size() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      SourceStatus s = live.sourceStatus();
      assertEquals(2L * exchanges.size(), s.events());
      assertEquals(4, pipeline.events.size());
      assertEquals(s.events() - 4, s.eventsDropped());
    } finally {
      live.deactivate();
    }
  }

  private static LiveCapture start(CollectingPipeline pipeline, int port) {
    LiveCapture live = new LiveCapture(pipeline, Annotations.of(LiveConfig.class,
        Map.of("interface$", "lo", "filter", "tcp port " + port, "promiscuous", false, "sensor", "test-lo")));
    live.addDecoder(new ModbusDecoder(Annotations.of(ModbusConfig.class, Map.of("ports", new int[] {port}))));
    live.activate();
    return live;
  }

  private static long count(List<TelemetryEvent> events, Exchange x, String kind, int port) {
    return events.stream().filter(e -> "modbus".equals(e.protocol()) && e.sensor().equals("test-lo")
        && number(e, "tid") == x.transaction() && number(e, "func_code") == x.function() && number(e, "unit") == x.unit()
        && kind.equals(e.fields().get("request_response"))
        && (kind.equals("REQUEST") ? e.destination().port() : e.source().port()) == port).count();
  }

  private static int number(TelemetryEvent e, String field) {
    return e.fields().get(field) instanceof Number n ? n.intValue() : -1;
  }

  private static List<TelemetryEvent> awaitEvents(CollectingPipeline pipeline, int expected) throws InterruptedException {
    List<TelemetryEvent> events = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (events.size() < expected && System.nanoTime() < deadline) {
      TelemetryEvent e = pipeline.events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null) {
        events.add(e);
      }
    }
    Thread.sleep(600); // anything beyond the expected events would show up within two read timeouts
    pipeline.events.drainTo(events);
    return events;
  }

  /** Runs the pymodbus peer; its lines say what the client sent and got back. */
  private static List<Exchange> runPeer(int port) throws IOException, InterruptedException {
    Path script = Files.createTempFile("modbus_peer", ".py");
    try (var in = LoopbackModbusTest.class.getResourceAsStream("modbus_peer.py")) {
      Files.write(script, in.readAllBytes());
    }
    try {
      Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), Integer.toString(port))
          .redirectErrorStream(true).start();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the Modbus peer did not finish");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      // The peer writes "done" last, as one line; anything pymodbus still logs may follow it.
      assertTrue(out.lines().anyMatch("done"::equals), out);
      List<Exchange> exchanges = new ArrayList<>();
      Matcher m = PEER_LINE.matcher(out);
      while (m.find()) {
        assertEquals("false", m.group(4), "pymodbus got an exception response: " + out);
        exchanges.add(new Exchange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
      }
      return exchanges;
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static void assumePymodbus() throws IOException, InterruptedException {
    boolean present = Files.isExecutable(Path.of("/usr/bin/python3"))
        && new ProcessBuilder("/usr/bin/python3", "-c", "import pymodbus.client, pymodbus.server").start().waitFor() == 0;
    assumeTrue(present, "live Modbus test skipped: /usr/bin/python3 with pymodbus is missing (apt-get install python3-pymodbus)");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
