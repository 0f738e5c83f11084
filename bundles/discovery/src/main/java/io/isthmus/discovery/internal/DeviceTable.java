package io.isthmus.discovery.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The devices being tracked, by IP address, up to a maximum. Addresses beyond it are counted (exactly
 * up to {@link #MAX_COUNTED_UNTRACKED}, "at least" after that) and otherwise ignored. Once the store
 * has a device and nothing new came since, the device may be forgotten to make room
 * ({@link #evictStoredIfNearlyFull}); it is tracked anew when it sends again.
 */
final class DeviceTable {
  static final int MAX_COUNTED_UNTRACKED = 100_000;
  /** A MAC in front of this many addresses is a router's (or a host's with many addresses): no device's own. */
  static final int SHARED_MAC_ADDRESSES = 3;

  private final int maxDevices;
  private final int maxPeers;
  private final ConcurrentHashMap<String, DeviceFacts> devices = new ConcurrentHashMap<>();
  private final AtomicInteger reserved = new AtomicInteger();
  private final Set<String> untracked = ConcurrentHashMap.newKeySet();

  DeviceTable(int maxDevices, int maxPeers) {
    this.maxDevices = maxDevices;
    this.maxPeers = maxPeers;
  }

  /** The facts of {@code ip}, created if there is room; {@code null} (and counted) if the table is full. */
  @Nullable DeviceFacts track(String ip) {
    DeviceFacts facts = devices.get(ip);
    if (facts != null) {
      return facts;
    }
    if (reserved.incrementAndGet() > maxDevices) {
      reserved.decrementAndGet();
      if (untracked.size() < MAX_COUNTED_UNTRACKED) {
        untracked.add(ip);
      }
      return null;
    }
    DeviceFacts created = new DeviceFacts(ip, maxPeers);
    DeviceFacts raced = devices.putIfAbsent(ip, created);
    if (raced != null) {
      reserved.decrementAndGet();
      return raced;
    }
    return created;
  }

  @Nullable DeviceFacts get(String ip) {
    return devices.get(ip);
  }

  Collection<DeviceFacts> all() {
    return devices.values();
  }

  /** Addresses that sent at least one PDU. */
  List<DeviceSnapshot> senders() {
    List<DeviceSnapshot> out = new ArrayList<>();
    for (DeviceFacts f : devices.values()) {
      if (f.isSender()) {
        out.add(f.snapshot());
      }
    }
    return out;
  }

  /** Whether {@code ip} is tracked but never sent anything: a broadcast address, or a host that never answered. */
  boolean isSilent(String ip) {
    DeviceFacts f = devices.get(ip);
    return f != null && !f.isSender();
  }

  /** MACs that stand in front of {@link #SHARED_MAC_ADDRESSES} or more sending addresses. */
  Set<String> sharedMacs() {
    Map<String, Integer> counts = new HashMap<>();
    for (DeviceSnapshot s : senders()) {
      if (s.mac() != null) {
        counts.merge(s.mac(), 1, Integer::sum);
      }
    }
    Set<String> shared = new java.util.HashSet<>();
    counts.forEach((mac, n) -> {
      if (n >= SHARED_MAC_ADDRESSES) {
        shared.add(mac);
      }
    });
    return shared;
  }

  /**
   * When the table is nine-tenths full, forgets the stored devices that have been idle longest until
   * it is three-quarters full (or no stored, idle device is left).
   *
   * @return devices forgotten
   */
  int evictStoredIfNearlyFull() {
    if (devices.size() < maxDevices - maxDevices / 10) {
      return 0;
    }
    record Idle(DeviceFacts facts, long lastMicros) {}
    List<Idle> idle = new ArrayList<>();
    for (DeviceFacts f : devices.values()) {
      long last = f.storedAndIdleSince();
      if (last >= 0) {
        idle.add(new Idle(f, last));
      }
    }
    idle.sort(java.util.Comparator.comparingLong(Idle::lastMicros));
    int target = maxDevices - maxDevices / 4;
    int evicted = 0;
    for (Idle i : idle) {
      if (devices.size() <= target) {
        break;
      }
      // A worker may still be adding to it: what it adds now is lost until the device sends again.
      if (i.facts.storedAndIdleSince() >= 0 && devices.remove(i.facts.ip, i.facts)) {
        reserved.decrementAndGet();
        evicted++;
      }
    }
    return evicted;
  }

  int tracked() {
    return devices.size();
  }

  /** Addresses not tracked because the table was full (a lower bound once it reaches {@link #MAX_COUNTED_UNTRACKED}). */
  int untracked() {
    return untracked.size();
  }
}
