package io.isthmus.capture.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the replayer over a capture in memory or in the test resources and keeps what came out. */
final class Replay {
  final ReplayStats stats;
  final Weirds weirds;
  final List<TelemetryEvent> events;

  private Replay(ReplayStats stats, Weirds weirds, List<TelemetryEvent> events) {
    this.stats = stats;
    this.weirds = weirds;
    this.events = events;
  }

  static Replay of(byte[] capture, ProtocolDecoder... decoders) {
    return of(new ByteArrayInputStream(capture), ReplaySettings.DEFAULTS, decoders);
  }

  static Replay of(byte[] capture, ReplaySettings settings, ProtocolDecoder... decoders) {
    return of(new ByteArrayInputStream(capture), settings, decoders);
  }

  static Replay resource(String name, ProtocolDecoder... decoders) {
    return of(Replay.class.getResourceAsStream("/" + name), ReplaySettings.DEFAULTS, decoders);
  }

  static Replay of(InputStream in, ReplaySettings settings, ProtocolDecoder... decoders) {
    DecoderRegistry registry = new DecoderRegistry();
    for (ProtocolDecoder d : decoders) {
      registry.add(d);
    }
    Weirds weirds = Weirds.silent();
    List<TelemetryEvent> events = new ArrayList<>();
    try (CaptureReader reader = CaptureFiles.open(in, "test.pcap", weirds)) {
      ReplayStats stats = new CaptureReplayer(settings, registry, "t1", "s1").run(reader, weirds, events::add,
          () -> false, 1, 0);
      return new Replay(stats, weirds, events);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resourceBytes(String name) {
    try (InputStream in = Replay.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
