package io.isthmus.triage.internal;

import static io.isthmus.triage.internal.Findings.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.detection.Finding;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** 100,000 identical findings become a handful of alerts with the right counts, in bounded memory. */
class FloodTest {

  static final int FLOOD = 100_000;

  final MemoryAlertStore store = new MemoryAlertStore();
  final AtomicInteger raised = new AtomicInteger();

  TriageLoop loop(int queue, int foldedGroups) {
    TriageEngine engine = new TriageEngine(store, ip -> Optional.empty(), List::of, (a, isNew) -> {
      if (isNew) {
        raised.incrementAndGet();
      }
    }, TriageEngineTest.WINDOW, 1000);
    return new TriageLoop(new FindingIntake(queue, foldedGroups), engine, 512);
  }

  @Test
  void floodWhileTriageIsBusyIsFoldedIntoItsGroupNotLost() throws Exception {
    TriageLoop loop = loop(1000, 16);
    Finding same = Findings.programDownload("10.0.0.5", T0);
    for (int i = 0; i < FLOOD; i++) {
      assertTrue(loop.intake().offer(same));
    }
    FindingIntake intake = loop.intake();
    assertEquals(1000, intake.queued(), "the queue holds its capacity, no more");
    assertEquals(1, intake.foldedGroups(), "the rest is one pending count");
    assertEquals(FLOOD - 1000, intake.folded());
    assertEquals(0, intake.dropped());

    while (!intake.isEmpty()) {
      loop.step(0);
    }
    List<Alert> alerts = store.all();
    assertEquals(1, alerts.size());
    assertEquals(FLOOD, alerts.get(0).count());
    assertEquals(1, raised.get());
    assertTrue(store.transactions <= 3, "one transaction per batch: " + store.transactions);
  }

  @Test
  void floodFromFiveDevicesWithTriageRunningGivesFiveAlertsWithExactCounts() throws Exception {
    TriageLoop loop = loop(256, 64);
    loop.start();
    try {
      for (int i = 0; i < FLOOD; i++) {
        loop.offer(Findings.programDownload("10.0.0." + (1 + i % 5), T0.plusMillis(i)));
      }
    } finally {
      loop.stop();
    }
    FindingIntake intake = loop.intake();
    assertEquals(FLOOD, intake.received());
    assertEquals(0, intake.dropped());
    assertTrue(intake.foldedPeak() <= 5, "at most one folded entry per group: " + intake.foldedPeak());
    List<Alert> alerts = store.all();
    assertEquals(5, alerts.size());
    for (Alert alert : alerts) {
      assertEquals(FLOOD / 5, alert.count(), alert.device());
    }
    assertEquals(5, raised.get());
  }

  @Test
  void findingsOfNewGroupsBeyondTheFoldedTableAreDroppedAndCounted() {
    TriageLoop loop = loop(16, 16);
    for (int i = 0; i < 100; i++) {
      loop.intake().offer(Findings.programDownload("10.0." + i / 100 + "." + i % 100, T0));
    }
    for (int i = 0; i < 10; i++) {
      loop.intake().offer(Findings.programDownload("10.0.0.20", T0));
    }
    FindingIntake intake = loop.intake();
    assertEquals(16, intake.queued());
    assertEquals(16, intake.foldedGroups());
    assertEquals(16 + 10, intake.folded(), "a group already folded keeps counting");
    assertEquals(100 - 16 - 16, intake.dropped());
    assertEquals(110, intake.received());
  }
}
