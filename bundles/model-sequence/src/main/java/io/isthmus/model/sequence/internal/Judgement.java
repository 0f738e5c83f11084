package io.isthmus.model.sequence.internal;

import org.jspecify.annotations.Nullable;

/**
 * How surprising one step of a session is against a baseline chain.
 *
 * @param kind what is unusual
 * @param contextLength how many preceding operations the judged context holds
 * @param probability the smoothed probability of the step after that context
 * @param support how often the baseline saw that context
 * @param novel whether the baseline never saw the operation at all
 */
record Judgement(Kind kind, int contextLength, double probability, long support, boolean novel) {

  enum Kind { UNSEEN_START, UNSEEN, RARE }

  /**
   * Judges {@code next} after {@code history} against {@code baseline}, or null if the step is
   * ordinary. The probability at each context length is add-k smoothed and interpolated with the
   * next shorter context (down to how often the device does {@code next} at all), weighted as in
   * Witten-Bell smoothing by how many different operations followed the context: a master that
   * runs several polling loops at once, whose interleaving varies, has contexts with many
   * successors, so a new interleaving of operations it does all the time is not improbable; a
   * strict cycle has one successor per context, so any step out of it is. A step never seen is reported at once if the operation is new to
   * the baseline or disruptive (mode change, download, restart, firmware); otherwise it, like a
   * rare step, must fall below the threshold in a context seen often enough to judge.
   */
  static @Nullable Judgement of(Chain baseline, int[] history, int next, boolean disruptive, int order, Settings s) {
    double v = baseline.vocabulary() + 1.0;
    long unigram = baseline.count(Chain.UNIGRAM, next);
    boolean novel = unigram == 0;
    double p = smoothed(unigram, baseline.total(Chain.UNIGRAM), v, s);
    Judgement worst = null;
    int lengths = Math.min(order, history.length);
    for (int l = 1; l <= lengths; l++) {
      long key = Chain.key(history, l);
      long n = baseline.total(key);
      boolean start = l == 1 && history[history.length - 1] == OperationNames.START;
      if (n == 0) {
        if (l == 1 && !start && (novel || disruptive)) {
          // After an operation the baseline never saw: only a new or disruptive one says more.
          worst = new Judgement(Kind.UNSEEN, 1, p, 0, novel);
        }
        continue;
      }
      long c = baseline.count(key, next);
      double distinct = baseline.successors(key);
      double lower = distinct / (n + distinct);
      p = (1 - lower) * smoothed(c, n, v, s) + lower * p;
      boolean flagged = (c == 0 && l == 1 && (novel || disruptive)) || (n >= s.minContextSupport() && p < s.rareProbability());
      if (flagged && (worst == null || p < worst.probability)) {
        worst = new Judgement(c > 0 ? Kind.RARE : start ? Kind.UNSEEN_START : Kind.UNSEEN, l, p, n, novel);
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
