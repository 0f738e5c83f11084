package io.isthmus.triage.internal;

import static io.isthmus.triage.internal.Findings.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriageEngineTest {

  static final long WINDOW = Duration.ofMinutes(15).toNanos() / 1_000;

  record Published(Alert alert, boolean raised) {}

  final MemoryAlertStore store = new MemoryAlertStore();
  final List<Published> published = new ArrayList<>();
  final Map<String, Asset> inventory = Map.of("10.0.0.5", Asset.builder("plc-1").address("10.0.0.5").type("plc")
      .vendor("Schneider Electric").model("Modicon M340").firmware("2.1").criticality(5).zone(Zone.OT_CONTROL)
      .site("Lyon").build());

  TriageEngine engine(List<SuppressionRule> rules) {
    return new TriageEngine(store, ip -> Optional.ofNullable(inventory.get(ip)), () -> rules,
        (alert, raised) -> {
          assertEquals(Optional.of(alert), store.findById(alert.id()), "committed before it is announced");
          published.add(new Published(alert, raised));
        }, WINDOW, 100);
  }

  @Test
  void findingsWithinWindowBecomeOneAlertWithCountAndFirstLastSeen() {
    TriageEngine engine = engine(List.of());
    engine.handle(Findings.programDownload("10.0.0.5", T0));
    engine.flush();
    engine.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(300)));
    engine.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(14 * 60 + 300)));
    engine.flush();

    assertEquals(1, store.all().size());
    Alert alert = store.all().get(0);
    assertEquals(3, alert.count());
    assertEquals(T0, alert.firstSeen());
    assertEquals(T0.plusSeconds(19 * 60), alert.lastSeen(), "the window runs from the last finding");
    assertEquals("10.0.0.5|T0843|semantics", alert.groupKey());
    assertEquals(List.of(true, false), published.stream().map(Published::raised).toList(), "raised once, then updated");
  }

  @Test
  void findingAfterWindowRaisesNewAlert() {
    TriageEngine engine = engine(List.of());
    engine.handle(Findings.programDownload("10.0.0.5", T0));
    engine.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(15 * 60 + 1)));
    engine.flush();

    List<Alert> alerts = store.all();
    assertEquals(2, alerts.size());
    assertNotEquals(alerts.get(0).id(), alerts.get(1).id());
    assertEquals(List.of(1L, 1L), alerts.stream().map(Alert::count).toList());
    assertEquals(List.of(true, true), published.stream().map(Published::raised).toList());
  }

  @Test
  void otherTechniqueModelOrDeviceIsAnotherAlertAndIndicatorsKeyWithoutTechnique() {
    TriageEngine engine = engine(List.of());
    engine.handle(Findings.programDownload("10.0.0.5", T0));
    engine.handle(Findings.programDownload("10.0.0.6", T0));
    engine.handle(Findings.finding("10.0.0.5", T0, 0.6, List.of(Findings.DISCOVERY), List.of("scan"), "semantics"));
    engine.handle(Findings.finding("10.0.0.5", T0, 0.6, List.of(Findings.PROGRAM_DOWNLOAD), List.of(), "baseline"));
    engine.handle(Findings.finding("10.0.0.5", T0, 0.4, List.of(), List.of("rate_5x", "burst"), "counting"));
    engine.handle(Findings.finding("10.0.0.5", T0, 0.5, List.of(), List.of("burst", "rate_5x"), "counting"));
    engine.flush();

    assertEquals(5, store.all().size());
    Alert byIndicators = store.findOpenByGroupKey("10.0.0.5|ind:burst,rate_5x|counting").orElseThrow();
    assertEquals(2, byIndicators.count());
    assertEquals(0.5, byIndicators.anomalyScore(), "the highest score of the group");
  }

  @Test
  void alertIsEnrichedWithAssetAndSummarisedInPlainLanguage() {
    TriageEngine engine = engine(List.of());
    for (int i = 0; i < 37; i++) {
      engine.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(i)));
    }
    engine.flush();

    Alert alert = store.all().get(0);
    assertEquals("plc-1", alert.assetId());
    assertEquals(Zone.OT_CONTROL, alert.zone());
    assertEquals(5, alert.criticality());
    assertEquals(SeverityScore.of(0.93, 5, Zone.OT_CONTROL, List.of(Findings.PROGRAM_DOWNLOAD)).score(), alert.severityScore());
    String summary = alert.summary();
    for (String expected : List.of("Program Download (T0843)", "PLC plc-1 at 10.0.0.5", "Schneider Electric Modicon M340",
        "firmware 2.1", "OT control zone", "criticality 5 of 5", "Seen 37 times", "2026-03-01T10:00:00Z",
        "involving 10.0.0.9", "never received before", "Why it matters: it changes the logic", "Severity 93 (critical)")) {
      assertTrue(summary.contains(expected), "summary lacks '" + expected + "':\n" + summary);
    }
    assertTrue(alert.recommendedAction().contains("program or firmware change was planned"), alert.recommendedAction());
    assertEquals("WRITE_MULTIPLE_REGISTERS address=0 quantity=16 unit_id=1", alert.payloadSample());
  }

  @Test
  void unknownDeviceIsSaidToBeOutsideTheInventory() {
    TriageEngine engine = engine(List.of());
    engine.handle(Findings.finding("10.9.9.9", T0, 0.9, List.of(Findings.DISCOVERY), List.of("sweep"), "semantics"));
    engine.flush();
    Alert alert = store.all().get(0);
    assertNull(alert.assetId());
    assertTrue(alert.summary().contains("device 10.9.9.9 (not in the asset inventory)"), alert.summary());
    assertTrue(alert.summary().contains("maps a plant before acting"), alert.summary());
  }

  @Test
  void restartResumesStoredAlertWithinWindow() {
    TriageEngine first = engine(List.of());
    first.handle(Findings.programDownload("10.0.0.5", T0));
    first.flush();
    String id = store.all().get(0).id();

    TriageEngine afterRestart = engine(List.of());
    afterRestart.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(60)));
    afterRestart.flush();
    assertEquals(1, store.all().size());
    assertEquals(id, store.all().get(0).id());
    assertEquals(2, store.all().get(0).count());
    assertEquals(List.of(true, false), published.stream().map(Published::raised).toList());
  }

  @Test
  void storeFailureKeepsChangesAndAnnouncesNothingUntilCommitted() {
    TriageEngine engine = engine(List.of());
    store.failing = true;
    engine.handle(Findings.programDownload("10.0.0.5", T0));
    assertThrows(StoreException.class, engine::flush);
    engine.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(1)));
    assertThrows(StoreException.class, engine::flush);
    assertTrue(published.isEmpty());
    assertTrue(engine.hasPending());

    store.failing = false;
    engine.flush();
    assertEquals(2, store.all().get(0).count());
    assertEquals(1, published.size());
    assertTrue(published.get(0).raised());
  }

  @Test
  void groupsHeldInMemoryStayBounded() {
    TriageEngine engine = new TriageEngine(store, ip -> Optional.empty(), List::of, (a, r) -> { }, WINDOW, 100);
    for (int i = 0; i < 1000; i++) {
      engine.handle(Findings.programDownload("10.1." + i / 256 + "." + i % 256, T0));
      if (i % 50 == 49) {
        engine.flush();
        assertTrue(engine.groupsHeld() <= 100, "groups held: " + engine.groupsHeld());
      }
    }
    assertEquals(1000, store.all().size());
  }
}
