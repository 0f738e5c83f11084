package io.isthmus.protocol.dnp3.internal;

import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.capture.zeek.ZeekBaseline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Replays test captures through both DNP3 services (TCP and UDP on port 20000) and reads Zeek baselines. */
final class Replays {
  private Replays() {}

  static OfflineReplay.Result replay(String resource) {
    try (InputStream in = open(resource)) {
      return OfflineReplay.run(in, resource, new Dnp3TcpDecoder(Set.of(20000)), new Dnp3UdpDecoder(Set.of(20000)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Map<String, String>> zeekLog(String resource) {
    try (InputStream in = open(resource)) {
      return ZeekBaseline.read(in, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream open(String resource) {
    InputStream in = Replays.class.getResourceAsStream("/" + resource);
    if (in == null) {
      throw new IllegalArgumentException("no test resource " + resource);
    }
    return in;
  }
}
