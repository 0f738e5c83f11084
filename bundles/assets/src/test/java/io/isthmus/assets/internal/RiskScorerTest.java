package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.vuln.VulnerabilityMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskScorerTest {

  private static final Map<String, Zone> ZONES = Map.of("10.1.0.1", Zone.IT, "10.3.0.1", Zone.DMZ, "10.9.0.1", Zone.OT_CONTROL);

  private static VulnerabilityMatch cve(String id, double cvss, boolean kev, double confidence) {
    return new VulnerabilityMatch(id, cvss, kev, confidence, "test");
  }

  private static RiskScorer.Score score(Asset asset, List<VulnerabilityMatch> matches, int findings) {
    return RiskScorer.score(new RiskScorer.Inputs(asset, ZONES, matches, null, findings));
  }

  @Test
  void unknownDeviceScoresItsUnratedCriticalityAndSaysWhatWasNotChecked() {
    RiskScorer.Score score = RiskScorer.score(new RiskScorer.Inputs(Asset.builder("x").build(), Map.of(), List.of(),
        "no vulnerability catalog is running", 0));
    assertEquals(18, score.score());
    assertEquals(List.of("18 points: criticality not rated (counted as 3 of 5)",
        "0 points: vulnerabilities not checked: no vulnerability catalog is running"), score.reasons());
  }

  @Test
  void eachPartFollowsTheDocumentedFormulaMostImportantFirst() {
    // criticality 4 -> 24; OT supervisory talking to IT -> 12; 2 peers -> round(10*2/(2+8)) = 2;
    // CVSS 7.5 x 0.8 = 6.0 -> 6; 2 findings -> 4 + 4*2 = 12.  Total 56.
    Asset hmi = Asset.builder("hmi-1").criticality(4).zone(Zone.OT_SUPERVISORY).vendor("Acme").model("HMI")
        .peer("10.1.0.1").peer("10.2.0.1").build();
    RiskScorer.Score score = score(hmi, List.of(cve("CVE-2020-0001", 7.5, false, 0.8)), 2);
    assertEquals(56, score.score());
    assertEquals(List.of(
        "24 points: criticality 4 of 5",
        "12 points: OT supervisory device talks to 1 IT host(s), e.g. 10.1.0.1",
        "12 points: 2 finding(s) in the last 24 h",
        "6 points: 1 matching CVE(s); worst CVE-2020-0001: CVSS 7.5 x confidence 0.80",
        "2 points: 2 distinct peer(s)"), score.reasons());
  }

  @Test
  void everythingAtOnceIsCappedAt100AndExposureAt30() {
    AssetBuilder plc = Asset.builder("plc").criticality(5).zone(Zone.OT_CONTROL).peer("8.8.8.8").peer("10.1.0.1")
        .attribute(AssetStore.PEER_COUNT, "1024");
    RiskScorer.Score score = score(plc.build(), List.of(cve("CVE-2021-22681", 9.8, true, 1.0),
        cve("CVE-2022-0002", 7.0, true, 0.9)), 50);
    assertEquals(100, score.score(), score.reasons().toString());
    // 30 + exposure (20 public + 15 IT capped to 10 + 0 of 10 for peers) + 20 KEV + 10 CVSS + 20 findings = 110
    assertEquals("30 points: criticality 5 of 5", score.reasons().get(0));
    assertTrue(score.reasons().contains("10 points: OT control device talks to 1 IT host(s), e.g. 10.1.0.1 (exposure capped at 30)"),
        score.reasons().toString());
    assertTrue(score.reasons().contains("0 points: 1024 distinct peer(s) (exposure capped at 30)"), score.reasons().toString());
    assertTrue(score.reasons().contains("20 points: 2 known exploited vulnerabilities (CISA KEV), e.g. CVE-2021-22681"));
  }

  @Test
  void neverDecreasesWhenCriticalityPeersFindingsOrVulnerabilitiesGrow() {
    int previous = -1;
    for (int criticality = 1; criticality <= 5; criticality++) {
      int now = score(Asset.builder("a").criticality(criticality).build(), List.of(), 0).score();
      assertTrue(now > previous, "criticality " + criticality);
      previous = now;
    }
    previous = -1;
    AssetBuilder growing = Asset.builder("a").criticality(3).zone(Zone.OT_CONTROL);
    for (int peers = 0; peers <= 1100; peers++) {
      if (peers % 10 == 0 || peers < 20) {
        int now = score(growing.build(), List.of(), 0).score();
        assertTrue(now >= previous, peers + " peers");
        previous = now;
      }
      growing.peer("10.200." + peers / 250 + "." + peers % 250);
    }
    previous = -1;
    for (int findings = 0; findings <= 30; findings++) {
      int now = score(Asset.builder("a").criticality(2).build(), List.of(), findings).score();
      assertTrue(now >= previous, findings + " findings");
      previous = now;
    }
    List<VulnerabilityMatch> matches = new ArrayList<>();
    previous = score(Asset.builder("a").build(), matches, 0).score();
    for (VulnerabilityMatch m : List.of(cve("CVE-1", 3.0, false, 0.5), cve("CVE-2", 9.0, false, 0.4),
        cve("CVE-3", 5.0, true, 0.9), cve("CVE-4", 10.0, true, 1.0))) {
      matches.add(m);
      int now = score(Asset.builder("a").build(), matches, 0).score();
      assertTrue(now >= previous, "after " + m.cveId());
      previous = now;
    }
  }

  @Test
  void crossingZonesCountsForOtDevicesOnly() {
    Asset itHost = Asset.builder("it").criticality(2).zone(Zone.IT).peer("10.1.0.1").build();
    Asset plc = itHost.toBuilder().zone(Zone.OT_CONTROL).build();
    assertEquals(List.of("12 points: criticality 2 of 5", "1 points: 1 distinct peer(s)", "0 points: no known vulnerabilities"),
        score(itHost, List.of(), 0).reasons());
    assertEquals(12 + 15 + 1, score(plc, List.of(), 0).score());
    assertEquals(10, RiskScorer.zoneCrossingPoints(Zone.OT_CONTROL, Zone.DMZ));
    assertEquals(0, RiskScorer.zoneCrossingPoints(Zone.OT_CONTROL, Zone.OT_CONTROL));
  }

  @Test
  void aPublicAddressPlacedInAZoneIsASiteHostNotTheInternet() {
    Map<String, Zone> zones = Map.of("192.0.2.10", Zone.IT);
    Asset plc = Asset.builder("plc").criticality(1).zone(Zone.OT_CONTROL).peer("192.0.2.10").peer("192.0.2.99").build();
    RiskScorer.Score score = RiskScorer.score(new RiskScorer.Inputs(plc, zones, List.of(), "test", 0));
    assertTrue(score.reasons().contains("20 points: talks to 1 internet address(es), e.g. 192.0.2.99"), score.reasons().toString());
    assertTrue(score.reasons().contains("10 points: OT control device talks to 1 IT host(s), e.g. 192.0.2.10 (exposure capped at 30)"),
        score.reasons().toString());
  }

  @Test
  void lowConfidenceKevCountsOnlyThroughItsScore() {
    Asset a = Asset.builder("a").criticality(1).build();
    RiskScorer.Score score = score(a, List.of(cve("CVE-2019-1", 8.0, true, 0.3)), 0);
    assertEquals(6 + 2, score.score(), score.reasons().toString()); // 8.0 x 0.3 = 2.4 -> 2
    assertFalse(score.reasons().stream().anyMatch(r -> r.contains("KEV")));
  }

  @Test
  void sameInputsInAnyOrderGiveTheSameScoreAndReasons() {
    List<VulnerabilityMatch> matches = new ArrayList<>(List.of(cve("CVE-B", 8.0, true, 1.0), cve("CVE-A", 8.0, true, 1.0),
        cve("CVE-C", 4.0, false, 1.0)));
    Asset a = Asset.builder("a").criticality(3).zone(Zone.OT_CONTROL).peer("10.3.0.1").peer("8.8.4.4").peer("1.1.1.1").build();
    RiskScorer.Score first = score(a, matches, 1);
    for (int i = 0; i < 5; i++) {
      Collections.rotate(matches, 1);
      assertEquals(first, score(a, matches, 1));
    }
    assertTrue(first.reasons().contains("20 points: talks to 2 internet address(es), e.g. 1.1.1.1"), first.reasons().toString());
    assertTrue(first.reasons().contains("8 points: 3 matching CVE(s); worst CVE-A: CVSS 8.0 x confidence 1.00"),
        first.reasons().toString());
  }

  @Test
  void publicAddresses() {
    for (String ip : List.of("8.8.8.8", "203.0.113.7", "2001:4860:4860::8888")) {
      assertTrue(PublicAddress.isPublic(ip), ip);
    }
    for (String ip : List.of("10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "127.0.0.1", "169.254.1.1",
        "224.0.0.251", "255.255.255.255", "0.0.0.0", "fe80::1", "fd12::1", "::1", "plc.local", "1.2.3")) {
      assertFalse(PublicAddress.isPublic(ip), ip);
    }
  }
}
