package io.isthmus.triage.internal;

import static io.isthmus.triage.internal.Findings.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuppressionTest {

  final MemoryAlertStore store = new MemoryAlertStore();
  final List<Alert> published = new ArrayList<>();

  TriageEngine engine(SuppressionRule... rules) {
    return new TriageEngine(store, ip -> Optional.empty(), () -> List.of(rules), (a, raised) -> published.add(a),
        TriageEngineTest.WINDOW, 100);
  }

  static SuppressionRule rule(String device, String technique, String model, String indicator, String until) {
    return SuppressionRule.parse("maintenance", device, technique, model, indicator, until, "PLC reprogramming, change 4711");
  }

  @Test
  void matchingFindingsAreCountedOnSuppressedAlertAndNotAnnounced() {
    TriageEngine engine = engine(rule("10.0.0.0/24", "T0843", "", "", "2026-03-01T12:00:00Z"));
    for (int i = 0; i < 5; i++) {
      engine.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(i)));
    }
    engine.handle(Findings.programDownload("10.0.1.5", T0));
    engine.flush();

    Alert suppressed = store.findOpenByGroupKey("suppressed|10.0.0.5|T0843|semantics").orElseThrow();
    assertEquals(Alert.State.SUPPRESSED, suppressed.state());
    assertEquals(5, suppressed.count());
    assertTrue(suppressed.summary().contains("Suppressed by rule 'maintenance' (PLC reprogramming, change 4711, until "
        + "2026-03-01T12:00:00Z)"), suppressed.summary());
    assertEquals(1, published.size(), "only the finding outside the CIDR block is raised");
    assertEquals("10.0.1.5", published.get(0).device());
    assertEquals(5, engine.suppressed());
  }

  @Test
  void ruleEndsAtItsUntilTime() {
    TriageEngine engine = engine(rule("10.0.0.5", "", "", "", "2026-03-01T10:00:30Z"));
    engine.handle(Findings.programDownload("10.0.0.5", T0));
    engine.handle(Findings.programDownload("10.0.0.5", T0.plusSeconds(31)));
    engine.flush();
    assertEquals(1, published.size());
    assertEquals(Alert.State.OPEN, published.get(0).state());
    assertEquals(1, store.findOpenByGroupKey("suppressed|10.0.0.5|T0843|semantics").orElseThrow().count());
  }

  @Test
  void everyGivenFieldMustMatch() {
    SuppressionRule byModelAndIndicator = rule("", "", "semantics", "new_writer", "");
    assertTrue(byModelAndIndicator.matches(Findings.programDownload("10.0.0.5", T0)), "new_writer matches new_writer:10.0.0.9");
    assertFalse(rule("", "", "baseline", "new_writer", "").matches(Findings.programDownload("10.0.0.5", T0)));
    assertFalse(rule("", "T0846", "", "", "").matches(Findings.programDownload("10.0.0.5", T0)));
    assertFalse(rule("", "", "", "new_write", "").matches(Findings.programDownload("10.0.0.5", T0)), "no partial names");
    assertTrue(rule("fd00::/8", "", "", "", "").matches(Findings.programDownload("fd00::5", T0)));
    assertFalse(rule("fd00::/8", "", "", "", "").matches(Findings.programDownload("10.0.0.5", T0)));
    assertTrue(rule("10.0.0.4/31", "", "", "", "").matches(Findings.programDownload("10.0.0.5", T0)));
    assertFalse(rule("10.0.0.4/31", "", "", "", "").matches(Findings.programDownload("10.0.0.6", T0)));
  }

  @Test
  void badRulesAreRejectedWithTheReason() {
    assertEquals("not an IP address or CIDR block: 'plc.example.com'",
        assertThrows(IllegalArgumentException.class, () -> rule("plc.example.com", "", "", "", "")).getMessage());
    assertEquals("bad prefix length in '10.0.0.0/33': 0-32 allowed",
        assertThrows(IllegalArgumentException.class, () -> rule("10.0.0.0/33", "", "", "", "")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> rule("10.0.0.5", "", "", "", "tomorrow")).getMessage()
        .startsWith("until is not an ISO-8601 UTC time"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> rule(" ", "", "", "", "2027-01-01T00:00:00Z"))
        .getMessage().contains("would suppress everything"));
  }

  @Test
  void componentNamesRuleAfterItsConfigurationAndCountsRejections() {
    assertEquals("plc-maintenance", SuppressionRuleComponent.name(Map.of("service.pid",
        "io.isthmus.triage.suppression~plc-maintenance")));
    assertEquals("night", SuppressionRuleComponent.name(Map.of("service.pid", "io.isthmus.triage.suppression.1234",
        "felix.fileinstall.filename", "file:/opt/isthmus/deploy/io.isthmus.triage.suppression-night.cfg")));
  }
}
