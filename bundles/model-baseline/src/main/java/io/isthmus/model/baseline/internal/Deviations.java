package io.isthmus.model.baseline.internal;

import io.isthmus.api.detection.Technique;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one event did that its device's baseline does not contain: indicators with their weight,
 * the ATT&CK techniques they point to and one sentence each for the explanation. Created only
 * when something deviates, so normal traffic allocates nothing here.
 */
final class Deviations {
  private final List<String> indicators = new ArrayList<>(4);
  private final Set<Technique> techniques = new LinkedHashSet<>();
  private final List<String> sentences = new ArrayList<>(4);
  private double keep = 1.0;

  /** Adds an indicator; the score combines weights as independent evidence, 1 - prod(1 - w). */
  Deviations add(String indicator, double weight, String sentence, Technique... techs) {
    indicators.add(indicator);
    sentences.add(sentence);
    keep *= 1.0 - Math.max(0.0, Math.min(1.0, weight));
    techniques.addAll(List.of(techs));
    return this;
  }

  static Deviations add(Deviations to, String indicator, double weight, String sentence, Technique... techs) {
    return (to == null ? new Deviations() : to).add(indicator, weight, sentence, techs);
  }

  double score() {
    return Math.max(0.0, Math.min(1.0, 1.0 - keep));
  }

  List<String> indicators() {
    return indicators;
  }

  List<Technique> techniques() {
    return List.copyOf(techniques);
  }

  List<String> sentences() {
    return sentences;
  }

  /** A key of the indicator set, to hold back the same finding repeated within a window. */
  int signature() {
    return indicators.hashCode();
  }
}
