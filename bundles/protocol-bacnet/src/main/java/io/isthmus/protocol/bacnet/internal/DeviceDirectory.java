package io.isthmus.protocol.bacnet.internal;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Which BACnet device instance answers at which B/IP address, learned from I-Am and from reads
 * of a device's own Device object, so requests to a device carry its instance too. Bounded: a
 * flood of spoofed I-Ams empties it rather than growing it.
 */
final class DeviceDirectory {
  static final int MAX_ENTRIES = 65_536;
  /** The wildcard instance that addresses whichever device receives the request. */
  static final long WILDCARD_INSTANCE = 4_194_303;

  private final ConcurrentHashMap<String, Long> byAddress = new ConcurrentHashMap<>();

  void learn(String ip, int port, long instance) {
    if (instance < 0 || instance >= WILDCARD_INSTANCE) {
      return;
    }
    if (byAddress.size() >= MAX_ENTRIES) {
      byAddress.clear();
    }
    byAddress.put(key(ip, port), instance);
  }

  @Nullable Long instance(String ip, int port) {
    return byAddress.get(key(ip, port));
  }

  private static String key(String ip, int port) {
    return ip + "|" + port;
  }
}
