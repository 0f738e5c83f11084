package io.isthmus.analyze.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.detection.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingCollectorTest {

  @Test
  void findingsWhileLearningAreCountedNotKeptAndOnlyAskedForModelsReport() {
    FindingCollector c = new FindingCollector(Set.of("counting"));
    c.onFinding(Findings.finding("counting", 5, "learning"));
    c.onFinding(Findings.finding("baseline", 6, "learning"));
    c.startReporting();
    c.onFinding(Findings.finding("counting", 30, "late"));
    c.onFinding(Findings.finding("baseline", 10, "other model"));
    c.onFinding(Findings.finding("counting", 20, "early"));

    assertEquals(2, c.learningFindings());
    assertEquals(1, c.filteredFindings());
    assertEquals(List.of(20L, 30L), c.sorted().stream().map(Finding::timeMicros).toList());
  }

  @Test
  void noFilterKeepsEveryModel() {
    FindingCollector c = new FindingCollector(Set.of());
    c.startReporting();
    c.onFinding(Findings.finding("b", 7, "x"));
    c.onFinding(Findings.finding("a", 7, "x"));
    assertEquals(List.of("a", "b"), c.sorted().stream().map(Finding::modelId).toList());
  }
}
