package io.isthmus.capture.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol decoders by transport and port. Services come and go on DS threads while the
 * replay thread looks up; a lookup reads an immutable snapshot. Where two decoders claim a port
 * the first registered wins and the other takes over if it leaves.
 */
final class DecoderRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(DecoderRegistry.class);

  private record Claim(ProtocolDecoder decoder, Transport transport, Set<Integer> ports) {}

  private final List<Claim> claims = new ArrayList<>();
  private volatile Map<Long, ProtocolDecoder> byPort = Map.of();
  private volatile int generation;

  synchronized void add(ProtocolDecoder decoder) {
    Transport transport;
    Set<Integer> ports;
    try {
      transport = decoder.transport();
      ports = Set.copyOf(decoder.ports());
    } catch (RuntimeException e) {
      LOG.error("Protocol decoder {} is ignored: asking for its transport and ports failed: {}", decoder, e.toString());
      return;
    }
    for (Claim c : claims) {
      if (c.transport == transport && c.ports.stream().anyMatch(ports::contains)) {
        LOG.warn("Protocol decoders {} and {} both claim {} ports {}; the first keeps them", name(c.decoder),
            name(decoder), transport, ports);
      }
    }
    claims.add(new Claim(decoder, transport, ports));
    rebuild();
  }

  synchronized void remove(ProtocolDecoder decoder) {
    if (claims.removeIf(c -> c.decoder == decoder)) {
      rebuild();
    }
  }

  @Nullable ProtocolDecoder find(Transport transport, int port) {
    return byPort.get(key(transport, port));
  }

  boolean contains(ProtocolDecoder decoder) {
    return byPort.containsValue(decoder);
  }

  /** Changes on every add and remove, so a reader can tell its view of the decoders is stale. */
  int generation() {
    return generation;
  }

  private void rebuild() {
    Map<Long, ProtocolDecoder> map = new HashMap<>();
    for (Claim c : claims) {
      for (int port : c.ports) {
        map.putIfAbsent(key(c.transport, port), c.decoder);
      }
    }
    byPort = Map.copyOf(map);
    generation++;
  }

  private static long key(Transport transport, int port) {
    return (long) transport.ordinal() << 32 | port;
  }

  private static String name(ProtocolDecoder d) {
    try {
      return d.protocol();
    } catch (RuntimeException e) {
      return d.toString();
    }
  }
}
