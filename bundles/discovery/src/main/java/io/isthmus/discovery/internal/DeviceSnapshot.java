package io.isthmus.discovery.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A consistent copy of one device's facts, taken under its lock for the store or the command's output.
 *
 * @param firstMicros capture time of the first PDU the device sent
 * @param lastMicros capture time of the latest PDU it sent
 * @param peerSightingsNotKept PDUs from or to peers beyond the per-device limit (not a count of distinct peers)
 * @param vendorSource the protocol the vendor came from, {@code null} if none said
 * @param flushedBefore whether an earlier flush stored this device already
 */
record DeviceSnapshot(String ip, @Nullable String mac, long firstMicros, long lastMicros, Set<String> protocols,
    Set<String> roles, Set<String> peers, long peerSightingsNotKept, @Nullable String vendor, @Nullable String vendorSource,
    @Nullable String model, @Nullable String firmware, String type, Map<String, String> attributes,
    boolean flushedBefore) {

  Instant firstSeen() {
    return instant(firstMicros);
  }

  Instant lastSeen() {
    return instant(lastMicros);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
