package io.isthmus.model.iforest.internal;

import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One device's events in one window of event time, reduced to {@link Features} as they arrive. */
final class Window {
  static final int EVIDENCE = 5;

  final long index;
  final long startMicros;
  private int events;
  private int writes;
  private int errors;
  private long payloadBytes;
  private int gaps;
  private double gapMean;
  private double gapM2; // Welford's running sum of squared deviations
  private final Set<String> operations = new LinkedHashSet<>();
  private final Map<String, Integer> peerCounts = new HashMap<>();
  private final Map<String, Endpoint> peers = new HashMap<>();
  final Set<String> newOperations = new LinkedHashSet<>();
  final Set<String> newPeers = new LinkedHashSet<>();
  /** Events worth showing an analyst: new operations or peers, writes, errors. */
  private final List<TelemetryEvent> notable = new ArrayList<>(EVIDENCE);
  private final List<TelemetryEvent> ordinary = new ArrayList<>(EVIDENCE);
  private long lastMicros;

  Window(long index, long startMicros) {
    this.index = index;
    this.startMicros = startMicros;
  }

  /**
   * Adds one event. {@code gapMicros} is the time since the device's previous event (negative if
   * none); {@code newOperation} and {@code newPeer} say whether the baseline lacks them.
   */
  void add(TelemetryEvent event, long gapMicros, boolean newOperation, boolean newPeer) {
    events++;
    lastMicros = event.timeMicros();
    boolean write = Features.isWrite(event.operation());
    boolean error = Features.isError(event);
    if (write) {
      writes++;
    }
    if (error) {
      errors++;
    }
    payloadBytes += event.payloadSize();
    if (gapMicros >= 0) {
      double gap = gapMicros / 1e6;
      gaps++;
      double delta = gap - gapMean;
      gapMean += delta / gaps;
      gapM2 += delta * (gap - gapMean);
    }
    operations.add(event.operation());
    Endpoint peer = event.peer();
    peerCounts.merge(peer.ip(), 1, Integer::sum);
    peers.putIfAbsent(peer.ip(), peer);
    if (newOperation) {
      newOperations.add(event.operation());
    }
    if (newPeer) {
      newPeers.add(peer.ip());
    }
    List<TelemetryEvent> list = newOperation || newPeer || write || error ? notable : ordinary;
    if (list.size() < EVIDENCE) {
      list.add(event);
    }
  }

  double[] features() {
    double[] x = new double[Features.COUNT];
    x[Features.EVENTS] = events;
    x[Features.DISTINCT_OPERATIONS] = operations.size();
    x[Features.WRITE_RATIO] = events == 0 ? 0 : (double) writes / events;
    x[Features.DISTINCT_PEERS] = peerCounts.size();
    x[Features.INTERARRIVAL_MEAN] = gapMean;
    x[Features.INTERARRIVAL_STD] = gaps < 2 ? 0 : Math.sqrt(gapM2 / (gaps - 1));
    x[Features.PAYLOAD_MEAN] = events == 0 ? 0 : (double) payloadBytes / events;
    x[Features.ERROR_RATIO] = events == 0 ? 0 : (double) errors / events;
    x[Features.NEW_OPERATIONS] = newOperations.size();
    x[Features.NEW_PEERS] = newPeers.size();
    return x;
  }

  long lastMicros() {
    return lastMicros;
  }

  /** The peer to name in a finding: a new peer if there is one, else the busiest. */
  Endpoint mainPeer(Endpoint fallback) {
    String ip = newPeers.isEmpty()
        ? peerCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null)
        : newPeers.iterator().next();
    return ip == null ? fallback : peers.getOrDefault(ip, fallback);
  }

  List<TelemetryEvent> evidence() {
    List<TelemetryEvent> out = new ArrayList<>(notable);
    for (int i = 0; out.size() < EVIDENCE && i < ordinary.size(); i++) {
      out.add(ordinary.get(i));
    }
    return out;
  }
}
