package io.isthmus.capture.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.NotACaptureException;
import io.isthmus.api.decode.ReplaySummary;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.Backpressure;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.protocol.modbus.internal.ModbusConfig;
import io.isthmus.protocol.modbus.internal.ModbusDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capture service against the replay that protocol tests trust, on a real Modbus capture. */
class CaptureReplayServiceTest {

  @Test
  void replaysEveryEventOfARealCaptureIntoTheChannelWithTheSensorName(@TempDir Path dir) throws IOException {
    Path file = copy("/modbus_example.pcap", dir);
    CaptureReplayService service = new CaptureReplayService();
    service.addDecoder(modbus());
    CollectingChannel channel = new CollectingChannel();
    List<Long> progress = new ArrayList<>();

    ReplaySummary summary = service.replay(file, "plant-a", channel, progress::add);

    OfflineReplay.Result expected;
    try (InputStream in = Files.newInputStream(file)) {
      expected = OfflineReplay.run(in, "plant-a", modbus());
    }
    assertFalse(expected.events().isEmpty());
    assertEquals(expected.events().size(), channel.events.size());
    for (int i = 0; i < channel.events.size(); i++) {
      TelemetryEvent got = channel.events.get(i);
      assertEquals("plant-a", got.sensor());
      assertEquals(expected.events().get(i).operation(), got.operation());
      assertEquals(expected.events().get(i).timeMicros(), got.timeMicros());
    }
    assertEquals(expected.packets(), summary.packets());
    assertEquals(expected.conversations(), summary.conversations());
    assertEquals(channel.events.size(), summary.events());
    assertEquals(0, summary.notAccepted());
    assertEquals(expected.weirds(), summary.weirds());
    assertEquals(Files.size(file), progress.get(progress.size() - 1));
  }

  @Test
  void countsEventsTheChannelRefuses(@TempDir Path dir) throws IOException {
    Path file = copy("/modbus_example.pcap", dir);
    CaptureReplayService service = new CaptureReplayService();
    service.addDecoder(modbus());
    CollectingChannel closed = new CollectingChannel();
    closed.open = false;

    ReplaySummary summary = service.replay(file, "s", closed);

    assertTrue(summary.events() > 0);
    assertEquals(summary.events(), summary.notAccepted());
  }

  @Test
  void aFileThatIsNotACaptureIsNamedInOneLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello, this is text\n", StandardCharsets.US_ASCII);
    CaptureReplayService service = new CaptureReplayService();

    NotACaptureException e = assertThrows(NotACaptureException.class,
        () -> service.replay(file, "sensor-1", new CollectingChannel()));

    assertTrue(e.getMessage().startsWith(file + " is not a pcap or pcapng capture"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    Files.write(file, new byte[0]);
    e = assertThrows(NotACaptureException.class, () -> service.replay(file, "sensor-1", new CollectingChannel()));
    assertEquals(file + " is not a capture: it is empty", e.getMessage());
  }

  @Test
  void aMissingFileIsAnIoErrorNotANotACapture(@TempDir Path dir) {
    IOException e = assertThrows(IOException.class,
        () -> new CaptureReplayService().replay(dir.resolve("gone.pcap"), "s", new CollectingChannel()));
    assertTrue(e instanceof NoSuchFileException, e.toString());
  }

  private static Path copy(String resource, Path dir) throws IOException {
    Path file = dir.resolve(resource.substring(1));
    try (InputStream in = CaptureReplayServiceTest.class.getResourceAsStream(resource)) {
      Files.copy(in, file);
    }
    return file;
  }

  /** The decoder with its configuration's defaults (port 502). */
  private static ModbusDecoder modbus() {
    ModbusConfig config = (ModbusConfig) Proxy.newProxyInstance(ModbusConfig.class.getClassLoader(),
        new Class<?>[] {ModbusConfig.class}, (proxy, method, args) -> method.getDefaultValue());
    return new ModbusDecoder(config);
  }

  private static final class CollectingChannel implements EventChannel {
    final List<TelemetryEvent> events = new ArrayList<>();
    boolean open = true;

    @Override
    public String sourceId() {
      return "test";
    }

    @Override
    public Backpressure backpressure() {
      return Backpressure.BLOCK;
    }

    @Override
    public boolean publish(TelemetryEvent event) {
      if (open) {
        events.add(event);
      }
      return open;
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
      open = false;
    }
  }
}
