package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.vuln.VulnerabilityMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The risk score, 0-100, with its reasons: criticality (up to 30 points) + exposure (up to 30) +
 * known vulnerabilities (up to 30) + recent findings (up to 20), capped at 100. docs/risk-score.md
 * gives the formula; the same inputs always give the same score and the same reasons, most
 * important first.
 */
final class RiskScorer {

  static final int POINTS_PER_CRITICALITY_LEVEL = 6;
  /** An unrated device counts as the middle of the scale. */
  static final int UNRATED_CRITICALITY_AS = 3;
  static final int PUBLIC_PEER_POINTS = 20;
  static final int EXPOSURE_CAP = 30;
  static final int PEER_COUNT_MAX_POINTS = 10;
  /** Distinct peers at which the peer-count points reach half their maximum. */
  static final int PEER_COUNT_HALF = 8;
  static final int FIRST_KEV_POINTS = 15;
  static final int MORE_KEV_POINTS = 5;
  /** A KEV match below this confidence counts through its CVSS score only. */
  static final double KEV_MIN_CONFIDENCE = 0.5;
  static final int FINDINGS_CAP = 20;

  /**
   * What the score is computed from.
   *
   * @param zonesByAddress the zone of each known address, to place the peers
   * @param vulnerabilities the catalog's matches for the asset
   * @param vulnerabilitiesNotChecked why the catalog was not asked, {@code null} if it was
   * @param recentFindings findings about the asset in the last 24 hours
   */
  record Inputs(Asset asset, Map<String, Zone> zonesByAddress, List<VulnerabilityMatch> vulnerabilities,
      @Nullable String vulnerabilitiesNotChecked, int recentFindings) {}

  record Score(int score, List<String> reasons) {}

  /** One part of the score; {@code rank} orders parts with equal points. */
  private record Part(int points, int rank, String why) {}

  private RiskScorer() {}

  static Score score(Inputs in) {
    List<Part> parts = new ArrayList<>();
    criticality(in.asset(), parts);
    exposure(in.asset(), in.zonesByAddress(), parts);
    vulnerabilities(in, parts);
    if (in.recentFindings() > 0) {
      int points = Math.min(FINDINGS_CAP, 4 + 4 * in.recentFindings());
      parts.add(new Part(points, 7, in.recentFindings() + " finding(s) in the last 24 h"));
    }
    parts.sort(Comparator.comparingInt(Part::points).reversed().thenComparingInt(Part::rank));
    int total = Math.min(100, parts.stream().mapToInt(Part::points).sum());
    return new Score(total, parts.stream().map(p -> p.points() + " points: " + p.why()).toList());
  }

  private static void criticality(Asset asset, List<Part> parts) {
    if (asset.criticality() == 0) {
      parts.add(new Part(POINTS_PER_CRITICALITY_LEVEL * UNRATED_CRITICALITY_AS, 0,
          "criticality not rated (counted as " + UNRATED_CRITICALITY_AS + " of 5)"));
    } else {
      parts.add(new Part(POINTS_PER_CRITICALITY_LEVEL * asset.criticality(), 0, "criticality " + asset.criticality() + " of 5"));
    }
  }

  private static void exposure(Asset asset, Map<String, Zone> zones, List<Part> parts) {
    // A public address the registry placed in a zone is a site host, counted by the zone crossing instead.
    List<String> publicPeers = asset.peers().stream()
        .filter(p -> PublicAddress.isPublic(p) && zones.getOrDefault(p, Zone.UNKNOWN) == Zone.UNKNOWN).sorted().toList();
    List<Part> exposure = new ArrayList<>();
    if (!publicPeers.isEmpty()) {
      exposure.add(new Part(PUBLIC_PEER_POINTS, 1,
          "talks to " + publicPeers.size() + " internet address(es), e.g. " + publicPeers.get(0)));
    }
    Part crossing = null;
    for (Zone peerZone : List.of(Zone.IT, Zone.DMZ)) {
      int points = zoneCrossingPoints(asset.zone(), peerZone);
      List<String> peers = asset.peers().stream().filter(p -> zones.get(p) == peerZone).sorted().toList();
      if (points > 0 && !peers.isEmpty() && (crossing == null || points > crossing.points())) {
        crossing = new Part(points, 2, zoneName(asset.zone()) + " device talks to " + peers.size() + " "
            + zoneName(peerZone) + " host(s), e.g. " + peers.get(0));
      }
    }
    if (crossing != null) {
      exposure.add(crossing);
    }
    int peerCount = peerCount(asset);
    if (peerCount > 0) {
      int points = (int) Math.round((double) PEER_COUNT_MAX_POINTS * peerCount / (peerCount + PEER_COUNT_HALF));
      exposure.add(new Part(points, 3, peerCount + " distinct peer(s)"));
    }
    int room = EXPOSURE_CAP;
    for (Part part : exposure) {
      int points = Math.min(part.points(), room);
      room -= points;
      parts.add(points == part.points() ? part : new Part(points, part.rank(), part.why() + " (exposure capped at " + EXPOSURE_CAP + ")"));
    }
  }

  /** Points for a device in {@code own} zone talking to a host in {@code peer} zone. */
  static int zoneCrossingPoints(Zone own, Zone peer) {
    return switch (own) {
      case OT_CONTROL -> peer == Zone.IT ? 15 : peer == Zone.DMZ ? 10 : 0;
      case OT_SUPERVISORY -> peer == Zone.IT ? 12 : 0;
      case UNKNOWN -> peer == Zone.IT ? 8 : 0;
      case IT, DMZ -> 0;
    };
  }

  private static int peerCount(Asset asset) {
    String counted = asset.attributes().get(AssetStore.PEER_COUNT);
    int count = asset.peers().size();
    if (counted != null) {
      try {
        count = Math.max(count, Integer.parseInt(counted.trim()));
      } catch (NumberFormatException e) {
        // the peers themselves are counted
      }
    }
    return count;
  }

  private static void vulnerabilities(Inputs in, List<Part> parts) {
    if (in.vulnerabilitiesNotChecked() != null) {
      parts.add(new Part(0, 8, "vulnerabilities not checked: " + in.vulnerabilitiesNotChecked()));
      return;
    }
    List<VulnerabilityMatch> kev = in.vulnerabilities().stream()
        .filter(m -> m.knownExploited() && m.confidence() >= KEV_MIN_CONFIDENCE)
        .sorted(Comparator.comparing(VulnerabilityMatch::cveId)).toList();
    if (!kev.isEmpty()) {
      int points = FIRST_KEV_POINTS + (kev.size() > 1 ? MORE_KEV_POINTS : 0);
      parts.add(new Part(points, 4, kev.size() + " known exploited vulnerabilit" + (kev.size() == 1 ? "y" : "ies")
          + " (CISA KEV), e.g. " + kev.get(0).cveId()));
    }
    VulnerabilityMatch worst = in.vulnerabilities().stream()
        .max(Comparator.comparingDouble((VulnerabilityMatch m) -> m.cvssBaseScore() * m.confidence())
            .thenComparing(VulnerabilityMatch::cveId, Comparator.reverseOrder()))
        .orElse(null);
    if (in.vulnerabilities().isEmpty()) {
      String product = String.join(" ", present(in.asset().vendor(), in.asset().model(), in.asset().firmware()));
      parts.add(new Part(0, 8, "no known vulnerabilities" + (product.isEmpty() ? "" : " match " + product)));
    } else if (worst != null && worst.cvssBaseScore() * worst.confidence() > 0) {
      int points = (int) Math.round(worst.cvssBaseScore() * worst.confidence());
      parts.add(new Part(points, 5, in.vulnerabilities().size() + " matching CVE(s); worst " + worst.cveId() + ": CVSS "
          + String.format(Locale.ROOT, "%.1f x confidence %.2f", worst.cvssBaseScore(), worst.confidence())));
    }
  }

  private static List<String> present(@Nullable String... values) {
    List<String> present = new ArrayList<>();
    for (String value : values) {
      if (value != null) {
        present.add(value);
      }
    }
    return present;
  }

  private static String zoneName(Zone zone) {
    return zone == Zone.UNKNOWN ? "unplaced" : ZoneNames.label(zone);
  }
}
