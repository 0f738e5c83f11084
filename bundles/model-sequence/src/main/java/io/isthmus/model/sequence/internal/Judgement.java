package io.isthmus.model.sequence.internal;

import org.jspecify.annotations.Nullable;

/**
 * How surprising one step of a session is against a baseline chain.
 *
 * @param kind what is unusual
 * @param contextLength how many preceding operations the judged context holds
 * @param probability the smoothed probability of the step after that context
 * @param support how often the baseline saw that context
 */
record Judgement(Kind kind, int contextLength, double probability, long support) {

  enum Kind { UNSEEN_START, UNSEEN, RARE }

  /**
   * Judges {@code next} after {@code history} against {@code baseline}, or null if the step is
   * ordinary. A continuation never seen after the previous operation is always unusual (if that
   * operation or the start was seen at all); longer contexts and rare continuations are judged
   * only where the context was seen often enough for its probabilities to mean something.
   */
  static @Nullable Judgement of(Chain baseline, int[] history, int next, int order, Settings s) {
    int previous = history[history.length - 1];
    long key1 = Chain.key(history, 1);
    long n1 = baseline.total(key1);
    long c1 = baseline.count(key1, next);
    double v = baseline.vocabulary() + 1.0;
    double p1 = smoothed(c1, n1, v, s);
    if (c1 == 0) {
      if (previous == OperationNames.START) {
        return n1 > 0 ? new Judgement(Kind.UNSEEN_START, 1, p1, n1) : null;
      }
      return new Judgement(Kind.UNSEEN, 1, p1, n1);
    }
    Judgement worst = n1 >= s.minContextSupport() && p1 < s.rareProbability() ? new Judgement(Kind.RARE, 1, p1, n1) : null;
    int lengths = Math.min(order, history.length);
    for (int l = 2; l <= lengths; l++) {
      long key = Chain.key(history, l);
      long n = baseline.total(key);
      if (n < s.minContextSupport()) {
        continue;
      }
      long c = baseline.count(key, next);
      double p = smoothed(c, n, v, s);
      if (p < s.rareProbability() && (worst == null || p < worst.probability)) {
        worst = new Judgement(c == 0 ? Kind.UNSEEN : Kind.RARE, l, p, n);
      }
    }
    return worst;
  }

  private static double smoothed(long count, long total, double vocabulary, Settings s) {
    return (count + s.smoothing()) / (total + s.smoothing() * vocabulary);
  }

  /**
   * Score in [0,1]: the surprise -ln p scaled so that p = 1e-6 scores 1, then raised by what the
   * operation does (stopping or reprogramming a controller is never routine noise). A never-seen
   * step scores at least 0.4 even against a thin baseline.
   */
  double score(OperationKind operation) {
    double surprise = Math.min(1.0, -Math.log(probability) / Math.log(1e6));
    if (kind != Kind.RARE) {
      surprise = Math.max(surprise, kind == Kind.UNSEEN ? 0.4 : 0.3);
    }
    double score = 1.0 - (1.0 - surprise) * (1.0 - operation.impact());
    return Math.max(0.0, Math.min(1.0, score));
  }
}
