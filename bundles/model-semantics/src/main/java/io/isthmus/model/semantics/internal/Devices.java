package io.isthmus.model.semantics.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Per-device state, shared by all scoring threads. When full, a new device evicts the least
 * recently seen of a small sample of devices (approximate LRU): exact LRU would need a global
 * lock on every event.
 */
final class Devices {
  private static final int EVICTION_SAMPLE = 16;

  private final ConcurrentHashMap<String, DeviceState> states = new ConcurrentHashMap<>();
  private final Settings settings;

  Devices(Settings settings) {
    this.settings = settings;
  }

  DeviceState get(String key, long timeMicros) {
    DeviceState d = states.get(key);
    if (d == null) {
      if (states.size() >= settings.maxDevices()) {
        evictOne();
      }
      d = states.computeIfAbsent(key, k -> new DeviceState(settings));
    }
    d.lastSeenMicros = Math.max(d.lastSeenMicros, timeMicros);
    return d;
  }

  private void evictOne() {
    String oldest = null;
    long oldestSeen = Long.MAX_VALUE;
    Iterator<Map.Entry<String, DeviceState>> it = states.entrySet().iterator();
    for (int i = 0; i < EVICTION_SAMPLE && it.hasNext(); i++) {
      Map.Entry<String, DeviceState> e = it.next();
      if (e.getValue().lastSeenMicros < oldestSeen) {
        oldestSeen = e.getValue().lastSeenMicros;
        oldest = e.getKey();
      }
    }
    if (oldest != null) {
      states.remove(oldest);
    }
  }

  int size() {
    return states.size();
  }

  void forEach(BiConsumer<String, DeviceState> visitor) {
    states.forEach(visitor);
  }
}
