package io.isthmus.discovery.internal;

import io.isthmus.api.asset.Asset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the traffic told about one IP address, in bounded memory. Updated by the pipeline's worker
 * threads (the device's own and those of its peers), read by the flush thread: every method holds
 * the lock only for a few field updates.
 */
final class DeviceFacts {
  static final int MAX_NAMES = 16;
  static final int MAX_ATTRIBUTES = 32;
  static final int MAX_VALUE_LENGTH = 256;

  /** How sure a vendor, model or firmware value is: a name the device states beats one derived from an id. */
  static final int FROM_ID = 1;
  static final int STATED = 2;

  final String ip;
  private final int maxPeers;
  private @Nullable String mac;
  private long firstMicros = Long.MAX_VALUE;
  private long lastMicros = Long.MIN_VALUE;
  private boolean sender;
  private final Set<String> protocols = new LinkedHashSet<>();
  private final Set<String> roles = new LinkedHashSet<>();
  private final Set<String> peers = new LinkedHashSet<>();
  private long peerSightingsNotKept;
  private @Nullable String vendor;
  private int vendorRank;
  private @Nullable String vendorSource;
  private @Nullable String model;
  private int modelRank;
  private @Nullable String firmware;
  private String type = Asset.UNKNOWN_TYPE;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  private boolean changed;
  private boolean seenSinceFlush;
  private boolean flushedBefore;

  DeviceFacts(String ip, int maxPeers) {
    this.ip = ip;
    this.maxPeers = maxPeers;
  }

  /** The address sent a PDU at {@code micros} from {@code mac}, to {@code peer} (null: no unicast address), in {@code protocol}. */
  synchronized void sent(long micros, @Nullable String mac, String protocol, @Nullable String peer) {
    if (!sender) {
      sender = true;
      changed = true;
    }
    if (micros < firstMicros) {
      firstMicros = micros;
      changed = true;
    }
    if (micros > lastMicros) {
      lastMicros = micros;
      seenSinceFlush = true;
    }
    updateMac(mac);
    addProtocolAndPeer(protocol, peer);
  }

  /**
   * The address was sent a PDU: it is not proof that it exists (it may be a broadcast address), and
   * the frame's destination MAC is not taken (it is a router's when the sender is on another subnet).
   */
  synchronized void addressed(String protocol, @Nullable String peer) {
    addProtocolAndPeer(protocol, peer);
  }

  private void updateMac(@Nullable String value) {
    if (value != null && !value.equals(mac) && isUnicastMac(value)) {
      mac = value;
      changed = true;
    }
  }

  private void addProtocolAndPeer(String protocol, @Nullable String peer) {
    changed |= addBounded(protocols, protocol, MAX_NAMES);
    if (peer == null || peers.contains(peer) || peer.equals(ip)) {
      return;
    }
    if (peers.size() < maxPeers) {
      peers.add(peer);
      changed = true;
    } else {
      peerSightingsNotKept++;
    }
  }

  synchronized void role(String role) {
    changed |= addBounded(roles, role, MAX_NAMES);
  }

  synchronized void type(String value) {
    if (!value.equals(type)) {
      type = value;
      changed = true;
    }
  }

  /** Sets the vendor unless a surer one is known; {@code source} names the protocol that said it. */
  synchronized void vendor(@Nullable String value, int rank, String source) {
    if (usable(value) && rank >= vendorRank && !value.equals(vendor)) {
      vendor = clip(value);
      vendorRank = rank;
      vendorSource = source;
      changed = true;
    }
  }

  synchronized void model(@Nullable String value, int rank) {
    if (usable(value) && rank >= modelRank && !value.equals(model)) {
      model = clip(value);
      modelRank = rank;
      changed = true;
    }
  }

  synchronized void firmware(@Nullable String value) {
    if (usable(value) && !value.equals(firmware)) {
      firmware = clip(value);
      changed = true;
    }
  }

  synchronized void attribute(String name, @Nullable String value) {
    if (!usable(value) || (attributes.size() >= MAX_ATTRIBUTES && !attributes.containsKey(name))) {
      return;
    }
    String clipped = clip(value);
    if (!clipped.equals(attributes.put(name, clipped))) {
      changed = true;
    }
  }

  /** Adds {@code value} to a comma-separated attribute holding at most {@code max} values. */
  synchronized void attributeListValue(String name, @Nullable String value, int max) {
    if (!usable(value) || value.indexOf(',') >= 0) {
      return;
    }
    String old = attributes.get(name);
    if (old == null) {
      attribute(name, value);
    } else if (!List.of(old.split(",")).contains(value) && old.split(",").length < max) {
      attribute(name, old + "," + value);
    }
  }

  /** Stored, with nothing new since: forgetting it loses nothing. The capture time of its last PDU, else -1. */
  synchronized long storedAndIdleSince() {
    return flushedBefore && !changed && !seenSinceFlush ? lastMicros : -1;
  }

  synchronized boolean wasFlushed() {
    return flushedBefore;
  }

  synchronized boolean isSender() {
    return sender;
  }

  /**
   * A copy of the facts if they are due for the store, and marks them stored: facts that changed
   * are due, a newer last-seen time alone only when {@code includeSeenOnly}. Addresses that never
   * sent a PDU are never due.
   */
  synchronized @Nullable DeviceSnapshot takeDue(boolean includeSeenOnly) {
    if (!sender || !(changed || (includeSeenOnly && seenSinceFlush))) {
      return null;
    }
    DeviceSnapshot s = snapshot();
    changed = false;
    seenSinceFlush = false;
    flushedBefore = true;
    return s;
  }

  /** Puts back what {@link #takeDue} cleared, when the store refused the snapshot. */
  synchronized void notFlushed(DeviceSnapshot s) {
    changed = true;
    seenSinceFlush = true;
    flushedBefore = s.flushedBefore();
  }

  synchronized DeviceSnapshot snapshot() {
    return new DeviceSnapshot(ip, mac, firstMicros, lastMicros, Set.copyOf(protocols), Set.copyOf(roles),
        Set.copyOf(peers), peerSightingsNotKept, vendor, vendorSource, model, firmware, type, Map.copyOf(attributes),
        flushedBefore);
  }

  private static boolean addBounded(Set<String> set, String value, int max) {
    return set.size() < max && set.add(value);
  }

  private static boolean usable(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  private static String clip(String value) {
    String v = value.strip();
    return v.length() > MAX_VALUE_LENGTH ? v.substring(0, MAX_VALUE_LENGTH) : v;
  }

  /** A MAC that names one interface: not all zero (loopback captures), not a group address. */
  static boolean isUnicastMac(String mac) {
    long value = OuiRegistry.parseMac(mac);
    return value > 0 && (value >>> 40 & 0x01) == 0;
  }
}
