package io.isthmus.capture.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The conversations being tracked, least recently active first. Bounded: beyond the maximum the
 * least recently active is evicted, and conversations silent for longer than their idle timeout
 * (in capture time) are expired.
 */
final class FlowTable {
  private final LinkedHashMap<FlowKey, Flow> flows = new LinkedHashMap<>(1024, 0.75f, true);
  private final int maxFlows;
  private final long tcpIdleMicros;
  private final long udpIdleMicros;

  FlowTable(int maxFlows, long tcpIdleMicros, long udpIdleMicros) {
    this.maxFlows = maxFlows;
    this.tcpIdleMicros = tcpIdleMicros;
    this.udpIdleMicros = udpIdleMicros;
  }

  /** The flow of {@code key}, now the most recently active; {@code null} if not tracked. */
  @Nullable Flow get(FlowKey key) {
    return flows.get(key);
  }

  /** Adds a flow; if the table is full, the least recently active one is removed and given to {@code evicted}. */
  void put(Flow flow, Consumer<Flow> evicted) {
    if (flows.size() >= maxFlows) {
      Iterator<Flow> it = flows.values().iterator();
      Flow eldest = it.next();
      it.remove();
      evicted.accept(eldest);
    }
    flows.put(flow.key, flow);
  }

  void remove(Flow flow) {
    flows.remove(flow.key, flow);
  }

  /**
   * Removes the flows silent for longer than their idle timeout and gives them to {@code expired}.
   * The scan stops at the first flow active within the shorter timeout: all after it are more
   * recent (capture time runs forward nearly everywhere).
   */
  void expire(long now, Consumer<Flow> expired) {
    long shortest = Math.min(tcpIdleMicros, udpIdleMicros);
    Iterator<Flow> it = flows.values().iterator();
    List<Flow> out = new ArrayList<>();
    while (it.hasNext()) {
      Flow f = it.next();
      long silent = now - f.lastSeen;
      if (silent <= shortest) {
        break;
      }
      if (silent > (f.key.isTcp() ? tcpIdleMicros : udpIdleMicros)) {
        it.remove();
        out.add(f);
      }
    }
    out.forEach(expired);
  }

  /** Removes every flow, least recently active first, giving each to {@code closed}. */
  void clear(Consumer<Flow> closed) {
    List<Flow> all = new ArrayList<>(flows.values());
    flows.clear();
    all.forEach(closed);
  }

  /** The flows, for a scan that changes none of them (no lookups while iterating). */
  Iterable<Flow> flows() {
    return flows.values();
  }

  int size() {
    return flows.size();
  }
}
