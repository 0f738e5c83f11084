package io.isthmus.governance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.governance.ActionKind;
import io.isthmus.api.governance.Decision;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileParserTest {

  private final CelConditions cel = new CelConditions();
  private final List<String> problems = new ArrayList<>();

  private PolicyFileParser.Parsed parse(String text) {
    return new PolicyFileParser(cel, "p.yaml", problems).parse(text);
  }

  @Test
  void shippedPacksCompile(@TempDir Path dir) throws Exception {
    try (Fixture f = new Fixture(dir)) {
      PolicyPack def = f.install("default");
      assertEquals(List.of("contain-it-ransomware", "escalate-ot-or-uncertain", "rollback-needs-analyst",
          "tickets-run-by-themselves", "notify"), def.rules().stream().map(PolicyPack.Rule::id).toList());
      assertEquals(ActionKind.CONTAIN_HOST, def.recommendations().get(0).action());
      PolicyPack strict = f.install("strict-ot");
      PolicyPack.Rule two = strict.rules().get(1);
      assertEquals(Decision.Outcome.REQUIRE_APPROVAL, two.outcome());
      assertEquals(2, two.approvers());
      assertEquals("ot-engineer", two.role());
      assertEquals(Duration.ofHours(1), two.expiry());
      assertEquals("strict-ot.yaml:17", two.source());
    }
  }

  @Test
  void conditionErrorNamesTheLineInTheFile() {
    assertNull(parse("""
        rules:
          - id: ok
            when: finding.score > 0.5
            outcome: NOTIFY_ONLY
          - id: broken
            priority: 5
            when: >-
              finding.score > 0.5 &&
              asset.zone == IT
            outcome: DENY
        """));
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("p.yaml:9: condition does not compile"), problems.get(0));
    assertTrue(problems.get(0).contains("IT"), problems.get(0));
  }

  @Test
  void everyProblemIsListedWithItsLine() {
    assertNull(parse("""
        rules:
          - id: a
            when: "true"
            outcome: MAYBE
          - when: "true"
            outcome: DENY
            colour: red
          - id: c
            when: "1 + 1"
            outcome: DENY
            approval: {approvers: 2}
        """));
    assertEquals(List.of(
        "p.yaml:4: 'outcome' must be one of [AUTO_EXECUTE, REQUIRE_APPROVAL, NOTIFY_ONLY, DENY], not MAYBE",
        "p.yaml:7: unknown key 'colour' (expected one of [approval, id, outcome, priority, reason, when])",
        "p.yaml:5: 'id' is missing",
        "p.yaml:9: condition does not compile (column 3): expected type 'bool' but found 'int'",
        "p.yaml:11: 'approval' only goes with outcome REQUIRE_APPROVAL"), problems);
  }

  @Test
  void yamlSyntaxErrorIsRefusedWithItsLine() {
    assertNull(parse("rules:\n  - id: a\n    when: [unclosed\n"));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("p.yaml:4: not valid YAML"), problems.get(0));
  }

  @Test
  void packWithOneBadFileIsRefusedWhole() {
    Map<String, String> files = Map.of(
        "a.yaml", "rules:\n  - id: x\n    when: \"true\"\n    outcome: DENY\n",
        "b.yaml", "rules:\n  - id: x\n    when: \"true\"\n    outcome: NOTIFY_ONLY\n");
    assertNull(PolicyPacks.read(cel, "p", "1", new java.util.TreeMap<>(files), problems));
    assertEquals(List.of("b.yaml:2: rule id 'x' is used twice in this bundle"), problems);
  }

  @Test
  void approvalSettingsAreRead() {
    PolicyFileParser.Parsed p = parse("""
        lists: {hot: [T0855]}
        rules:
          - id: r
            priority: 7
            when: finding.techniques.exists(t, t in lists.hot) && time.getHours() < 25
            outcome: REQUIRE_APPROVAL
            approval: {approvers: 3, role: ot-engineer, expires: PT30M}
        """);
    assertNotNull(p, problems.toString());
    PolicyPack.Rule r = p.rules().get(0);
    assertEquals(7, r.priority());
    assertEquals(3, r.approvers());
    assertEquals(Duration.ofMinutes(30), r.expiry());
    assertEquals(Map.of("hot", List.of("T0855")), p.lists());
  }
}
