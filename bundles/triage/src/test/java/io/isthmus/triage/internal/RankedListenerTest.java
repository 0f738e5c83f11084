package io.isthmus.triage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.alert.AlertListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankedListenerTest {

  private static RankedListener ranked(AlertListener listener, int ranking, long id) {
    return RankedListener.of(listener, Map.of("service.ranking", ranking, "service.id", id));
  }

  @Test
  void highestRankingFirstThenOldestService() {
    AlertListener audit = (a, r) -> { };
    AlertListener governance = (a, r) -> { };
    AlertListener console = (a, r) -> { };
    List<RankedListener> order = new ArrayList<>(List.of(
        ranked(governance, 0, 12), ranked(console, 0, 40), ranked(audit, 1000, 57)));
    order.sort(null);
    assertEquals(List.of(audit, governance, console), order.stream().map(RankedListener::listener).toList());
  }

  @Test
  void missingRankingCountsAsZero() {
    AlertListener unranked = (a, r) -> { };
    AlertListener negative = (a, r) -> { };
    List<RankedListener> order = new ArrayList<>(List.of(
        ranked(negative, -5, 1), RankedListener.of(unranked, Map.of("service.id", 2L))));
    order.sort(null);
    assertEquals(List.of(unranked, negative), order.stream().map(RankedListener::listener).toList());
  }
}
