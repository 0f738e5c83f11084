package io.isthmus.api.decode;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link CaptureService#replay} did.
 *
 * @param packets frames read from the file
 * @param conversations conversations (TCP connections, UDP flows) the capture held
 * @param events events the decoders produced and the replay handed to the channel
 * @param notAccepted events the channel did not accept (closed, dropped, interrupted); included
 *     in {@code events}
 * @param weirds malformed or anomalous inputs by Zeek-style weird name (of the file, a packet or
 *     a conversation), an unmodifiable copy sorted by name
 */
public record ReplaySummary(long packets, long conversations, long events, long notAccepted, Map<String, Long> weirds) {

  public ReplaySummary {
    weirds = Collections.unmodifiableMap(new TreeMap<>(weirds));
  }

  /** The weirds of every name together. */
  public long weirdTotal() {
    return weirds.values().stream().mapToLong(Long::longValue).sum();
  }
}
