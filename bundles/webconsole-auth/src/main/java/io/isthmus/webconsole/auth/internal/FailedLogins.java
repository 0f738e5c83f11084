package io.isthmus.webconsole.auth.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Blocks an address for a minute after five failed logins within a minute. */
final class FailedLogins {
  static final int LIMIT = 5;
  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

  private record Window(long start, int failures) {}

  private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

  boolean blocked(String address) {
    Window w = byAddress.get(address);
    if (w == null) {
      return false;
    }
    if (System.nanoTime() - w.start() > WINDOW_NANOS) {
      byAddress.remove(address, w);
      return false;
    }
    return w.failures() >= LIMIT;
  }

  void failed(String address) {
    long now = System.nanoTime();
    byAddress.compute(address, (a, w) -> w == null || now - w.start() > WINDOW_NANOS ? new Window(now, 1)
        : new Window(w.start(), w.failures() + 1));
  }

  void succeeded(String address) {
    byAddress.remove(address);
  }
}
