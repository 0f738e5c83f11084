package io.isthmus.model.sequence.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the model knows of one device: its own chain (shared with exports, hence thread-safe) and
 * its open sessions, touched only by the pipeline thread that owns the device.
 */
final class DeviceState {
  final Chain chain = new Chain();
  private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(8, 0.75f, true);

  /**
   * The open session of {@code key}, or a new one if there is none or it has been idle longer
   * than the gap; a session that ends (idle, or evicted for room) is handed to {@code closed}.
   */
  Session session(String key, long timeMicros, Settings s, BiConsumer<DeviceState, Session> closed) {
    Session open = sessions.get(key);
    if (open != null && timeMicros - open.lastMicros <= s.idleGapMicros()) {
      open.lastMicros = Math.max(open.lastMicros, timeMicros);
      return open;
    }
    if (open != null) {
      sessions.remove(key);
      closed.accept(this, open);
    }
    closeIdle(timeMicros, s, closed);
    Session fresh = new Session(s.order(), timeMicros);
    sessions.put(key, fresh);
    return fresh;
  }

  private void closeIdle(long timeMicros, Settings s, BiConsumer<DeviceState, Session> closed) {
    Iterator<Map.Entry<String, Session>> it = sessions.entrySet().iterator();
    while (it.hasNext()) {
      Session old = it.next().getValue();
      // Access order: the first entries are the least recently used.
      if (sessions.size() >= s.maxSessionsPerDevice() || timeMicros - old.lastMicros > s.idleGapMicros()) {
        closed.accept(this, old);
        it.remove();
      } else {
        break;
      }
    }
  }
}
