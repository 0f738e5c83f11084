package io.isthmus.triage.internal;

import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The 0-100 severity of an alert and how it was reached:
 * {@code round(100 × anomaly score × criticality weight × technique weight × zone weight)}.
 * Every weight is at most 1, so the score never exceeds what the model's score allows; the
 * weights are in bundles/triage/README.md.
 *
 * @param score 0-100
 * @param explanation the product written out with each factor, e.g.
 *     {@code 0.93 (anomaly score) × 1.00 (criticality 5) × 1.00 (T0843 Program Download) × 1.00 (zone OT_CONTROL) = 93}
 */
record SeverityScore(int score, String explanation) {

  /** Techniques that change the process, the controller's logic or firmware, or stop it responding. */
  private static final Set<String> HIGH_IMPACT = Set.of(
      "T0800", "T0806", "T0809", "T0814", "T0816", "T0831", "T0836", "T0839", "T0843", "T0855",
      "T0857", "T0858", "T0875", "T0878", "T0881", "T0889", "T1692", "T1692.001");

  static SeverityScore of(double anomalyScore, int criticality, Zone zone, List<Technique> techniques) {
    double critWeight = criticalityWeight(criticality);
    double zoneWeight = zoneWeight(zone);
    Technique heaviest = null;
    double techWeight = NO_TECHNIQUE_WEIGHT;
    for (Technique technique : techniques) {
      double w = techniqueWeight(technique);
      if (heaviest == null || w > techWeight) {
        heaviest = technique;
        techWeight = w;
      }
    }
    double product = anomalyScore * critWeight * techWeight * zoneWeight;
    int score = (int) Math.round(100 * Math.max(0, Math.min(1, product)));
    String criticalityText = criticality == 0 ? "criticality not rated" : "criticality " + criticality;
    String techniqueText = heaviest == null ? "no ATT&CK technique" : heaviest.id() + " " + heaviest.name();
    String explanation = String.format(Locale.ROOT, "%.2f (anomaly score) × %.2f (%s) × %.2f (%s) × %.2f (zone %s) = %d",
        anomalyScore, critWeight, criticalityText, techWeight, techniqueText, zoneWeight, zone.name(), score);
    return new SeverityScore(score, explanation);
  }

  static final double NO_TECHNIQUE_WEIGHT = 0.7;

  /** 1 (lab, spare) 0.6 to 5 (safety) 1.0; not rated 0.8: an unknown device is not presumed harmless. */
  static double criticalityWeight(int criticality) {
    return switch (criticality) {
      case 1 -> 0.6;
      case 2 -> 0.7;
      case 3 -> 0.8;
      case 4 -> 0.9;
      case 5 -> 1.0;
      default -> 0.8;
    };
  }

  static double zoneWeight(Zone zone) {
    return switch (zone) {
      case OT_CONTROL -> 1.0;
      case OT_SUPERVISORY -> 0.9;
      case UNKNOWN -> 0.85;
      case DMZ -> 0.8;
      case IT -> 0.7;
    };
  }

  static double techniqueWeight(Technique technique) {
    if (HIGH_IMPACT.contains(technique.id())) {
      return 1.0;
    }
    return switch (technique.tactic().toLowerCase(Locale.ROOT)) {
      case "impair process control", "inhibit response function", "impact" -> 1.0;
      case "execution", "lateral movement", "persistence", "evasion", "privilege escalation", "initial access" -> 0.85;
      case "command and control" -> 0.8;
      case "collection", "discovery" -> 0.6;
      default -> 0.75;
    };
  }
}
