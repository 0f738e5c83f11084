package io.isthmus.triage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The formula of bundles/triage/README.md, worked by hand for each case. */
class SeverityScoreTest {

  @Test
  void programDownloadToSafetyCriticalControllerIsScoreItself() {
    // 0.93 × 1.0 (criticality 5) × 1.0 (T0843 high impact) × 1.0 (OT control) = 0.93
    SeverityScore s = SeverityScore.of(0.93, 5, Zone.OT_CONTROL, List.of(Findings.PROGRAM_DOWNLOAD));
    assertEquals(93, s.score());
    assertEquals("0.93 (anomaly score) × 1.00 (criticality 5) × 1.00 (T0843 Program Download) × 1.00 (zone OT_CONTROL) = 93",
        s.explanation());
  }

  @Test
  void discoveryOfUnratedDeviceInUnknownZoneWeighsLess() {
    // 0.9 × 0.8 (not rated) × 0.6 (Discovery) × 0.85 (unknown zone) = 0.3672
    SeverityScore s = SeverityScore.of(0.9, 0, Zone.UNKNOWN, List.of(Findings.DISCOVERY));
    assertEquals(37, s.score());
    assertTrue(s.explanation().contains("0.80 (criticality not rated)"), s.explanation());
  }

  @Test
  void noTechniqueInItUsesTheDefaultWeight() {
    // 0.5 × 0.8 (criticality 3) × 0.7 (no technique) × 0.7 (IT) = 0.196
    assertEquals(20, SeverityScore.of(0.5, 3, Zone.IT, List.of()).score());
  }

  @Test
  void heaviestTechniqueCountsAndUnlistedTacticsFallBackByTactic() {
    Technique unlistedImpair = new Technique("T0999", "Future technique", "Impair Process Control");
    Technique c2 = new Technique("T0885", "Commonly Used Port", "Command and Control");
    // 0.8 × 0.9 (criticality 4) × 0.8 (C2) × 0.9 (supervisory) = 0.5184
    assertEquals(52, SeverityScore.of(0.8, 4, Zone.OT_SUPERVISORY, List.of(c2)).score());
    // the Impair Process Control tactic weighs 1.0: 0.8 × 0.9 × 1.0 × 0.9 = 0.648
    SeverityScore both = SeverityScore.of(0.8, 4, Zone.OT_SUPERVISORY, List.of(c2, unlistedImpair));
    assertEquals(65, both.score());
    assertTrue(both.explanation().contains("T0999 Future technique"), both.explanation());
  }

  @Test
  void sameInputsSameScoreAndNoFactorLowersWhenItRises() {
    assertEquals(SeverityScore.of(0.77, 2, Zone.DMZ, List.of(Findings.MODIFY_PARAMETER)),
        SeverityScore.of(0.77, 2, Zone.DMZ, List.of(Findings.MODIFY_PARAMETER)));
    int previous = -1;
    for (int criticality : new int[] {1, 2, 3, 4, 5}) {
      int score = SeverityScore.of(0.77, criticality, Zone.DMZ, List.of(Findings.MODIFY_PARAMETER)).score();
      assertTrue(score >= previous, "criticality " + criticality + " gave " + score + " after " + previous);
      previous = score;
    }
    assertTrue(SeverityScore.of(1.0, 5, Zone.OT_CONTROL, List.of(Findings.MODIFY_PARAMETER)).score() <= 100);
  }
}
