package io.isthmus.assets.internal;

import io.isthmus.api.detection.Finding;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Findings per device over the last 24 hours, in bounded memory: 24 hourly counters per device and at
 * most {@link #MAX_DEVICES} devices. Counted by arrival time (a replayed old capture's findings are
 * recent findings), to the hour: a finding counts for 23 to 24 hours.
 */
final class RecentFindings {

  static final int MAX_DEVICES = 20_000;
  private static final int HOURS = 24;
  private static final long HOUR_MILLIS = 3_600_000L;

  /** Counters of one device: slot h holds the count of hour {@code hours[h]}. */
  private static final class Hours {
    final long[] hours = new long[HOURS];
    final int[] counts = new int[HOURS];

    synchronized void add(long hour) {
      int slot = (int) (hour % HOURS);
      if (hours[slot] != hour) {
        hours[slot] = hour;
        counts[slot] = 0;
      }
      counts[slot]++;
    }

    synchronized int since(long firstHour) {
      int sum = 0;
      for (int slot = 0; slot < HOURS; slot++) {
        if (hours[slot] >= firstHour) {
          sum += counts[slot];
        }
      }
      return sum;
    }
  }

  private final Clock clock;
  private final Map<String, Hours> devices = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  RecentFindings(Clock clock) {
    this.clock = clock;
  }

  /** Counts the finding against its device. Never blocks beyond a device's own counters. */
  void record(Finding finding) {
    String device = finding.device().ip();
    Hours hours = devices.get(device);
    if (hours == null) {
      if (devices.size() >= MAX_DEVICES) {
        dropped.incrementAndGet();
        return;
      }
      hours = devices.computeIfAbsent(device, d -> new Hours());
    }
    hours.add(hour());
  }

  /** Findings about these addresses (one asset's) in the last 24 hours. */
  int count(Collection<String> addresses) {
    long first = hour() - HOURS + 1;
    int sum = 0;
    for (String address : addresses) {
      Hours hours = devices.get(address);
      if (hours != null) {
        sum += hours.since(first);
      }
    }
    return sum;
  }

  /** Forgets devices with no finding in the last 24 hours, making room for others. */
  void prune() {
    long first = hour() - HOURS + 1;
    devices.values().removeIf(h -> h.since(first) == 0);
  }

  /** Findings not counted because {@link #MAX_DEVICES} devices were already tracked. */
  long dropped() {
    return dropped.get();
  }

  int devices() {
    return devices.size();
  }

  private long hour() {
    return clock.millis() / HOUR_MILLIS;
  }
}
