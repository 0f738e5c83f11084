package io.isthmus.model.semantics.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limit for identical findings of one device, keyed by peer (with its protocol) and rule: the first hit in a
 * window becomes a finding, later hits in the same window are only counted, and the first hit
 * after the window becomes a finding that reports how many were held back. Bounded (LRU); owned
 * by the device's scoring thread.
 */
final class Repeats {
  /** A hit's fate: {@code emit} or not, and how many identical hits were held back before it. */
  record Verdict(boolean emit, long heldBack) {}

  private static final Verdict HOLD = new Verdict(false, 0);

  private static final class Window {
    long startMicros;
    long heldBack;
    double score;
  }

  private final long windowMicros;
  private final Map<String, Window> windows;

  Repeats(long windowMicros, int capacity) {
    this.windowMicros = windowMicros;
    this.windows = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The fate of a hit scoring {@code score}; a hit that scores higher than the window's finding escalates at once. */
  Verdict hit(String peer, String rule, double score, long timeMicros) {
    String key = rule + ' ' + peer;
    Window w = windows.get(key);
    if (w == null) {
      w = new Window();
      w.startMicros = timeMicros;
      w.score = score;
      windows.put(key, w);
      return new Verdict(true, 0);
    }
    // A clock that steps backwards keeps the window: replays and skewed sensors must not unlock a flood.
    if (timeMicros - w.startMicros < windowMicros && score <= w.score) {
      w.heldBack++;
      return HOLD;
    }
    Verdict v = new Verdict(true, w.heldBack);
    w.startMicros = timeMicros;
    w.heldBack = 0;
    w.score = score;
    return v;
  }
}
