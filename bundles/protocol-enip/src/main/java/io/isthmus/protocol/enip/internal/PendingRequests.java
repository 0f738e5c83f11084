package io.isthmus.protocol.enip.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Requests awaiting replies: connected ones by CIP sequence count, unconnected ones by the
 * encapsulation sender context. Bounded; the oldest are forgotten first.
 */
final class PendingRequests {
  private static final int MAX = 256;

  private final Map<Long, Request> connected = bounded();
  private final Map<Long, Request> unconnected = bounded();

  void put(boolean isConnected, long key, Request request) {
    (isConnected ? connected : unconnected).put(key, request);
  }

  @Nullable Request take(boolean isConnected, long key) {
    return (isConnected ? connected : unconnected).remove(key);
  }

  private static Map<Long, Request> bounded() {
    return new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Request> eldest) {
        return size() > MAX;
      }
    };
  }
}
