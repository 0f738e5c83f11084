package io.isthmus.protocol.mqtt.internal;

import io.isthmus.capture.internal.OfflineReplay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The test captures replayed once each through the real capture reader. */
final class Captures {
  private static final Map<String, OfflineReplay.Result> CACHE = new ConcurrentHashMap<>();

  private Captures() {}

  static OfflineReplay.Result replay(String capture) {
    return CACHE.computeIfAbsent(capture, c -> {
      try (InputStream in = Captures.class.getResourceAsStream("/" + c)) {
        if (in == null) {
          throw new IllegalStateException("missing test resource " + c);
        }
        return OfflineReplay.run(in, c, new MqttDecoder(Set.of(1883)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
