package io.isthmus.triage.internal;

import io.isthmus.api.alert.AlertListener;
import java.util.Map;

/** An alert listener with its place in OSGi service order: highest ranking first, then oldest service. */
record RankedListener(AlertListener listener, int ranking, long serviceId) implements Comparable<RankedListener> {

  static RankedListener of(AlertListener listener, Map<String, Object> properties) {
    Object ranking = properties.get("service.ranking");
    Object id = properties.get("service.id");
    return new RankedListener(listener, ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : Long.MAX_VALUE);
  }

  @Override
  public int compareTo(RankedListener other) {
    int byRanking = Integer.compare(other.ranking, ranking);
    return byRanking != 0 ? byRanking : Long.compare(serviceId, other.serviceId);
  }
}
