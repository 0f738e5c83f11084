package io.isthmus.model.iforest.internal;

import java.util.Arrays;

/**
 * A trained forest with what is needed to judge its scores: the alarm threshold and, per feature,
 * the training median and spread used to name the features that deviate.
 *
 * <p>The threshold is a quantile of <em>held-out</em> scores of normal windows: the training
 * windows are split into {@value #FOLDS} folds, a forest grown on the other folds scores each fold,
 * and the {@code quantile} of those scores (by default the highest) plus a margin (0.05), never
 * below {@code minThreshold} (0.6), becomes the threshold. The margin is there because a long run
 * meets rarer normal windows than the learning period held: with a few hundred learned windows the
 * highest held-out score is only about the 99.5th percentile, and one false finding per 200
 * windows per device would bury an analyst. Scoring the training windows with the forest that saw them would understate how high
 * a normal but unseen window scores, most of all when there are fewer windows than the subsample
 * size and every tree has seen every window.
 */
final class Baseline {
  static final int FOLDS = 5;

  final IsolationForest forest;
  final double threshold;
  final int windows;
  private final double[] median;
  private final double[] scale;
  private final double[] high;

  private Baseline(IsolationForest forest, double threshold, int windows, double[] median, double[] scale,
      double[] high) {
    this.forest = forest;
    this.threshold = threshold;
    this.windows = windows;
    this.median = median;
    this.scale = scale;
    this.high = high;
  }

  static Baseline train(double[][] rows, Settings s, long seed) {
    IsolationForest forest = IsolationForest.train(rows, s.trees(), s.subsample(), seed);
    double[] heldOut = new double[rows.length];
    int folds = Math.min(FOLDS, rows.length);
    for (int f = 0; f < folds && folds > 1; f++) {
      double[][] in = new double[rows.length - foldSize(rows.length, folds, f)][];
      int k = 0;
      for (int i = 0; i < rows.length; i++) {
        if (i % folds != f) {
          in[k++] = rows[i];
        }
      }
      IsolationForest partial = IsolationForest.train(in, s.trees(), s.subsample(), seed + 1 + f);
      for (int i = f; i < rows.length; i += folds) {
        heldOut[i] = partial.score(rows[i]);
      }
    }
    double threshold = Math.max(quantile(heldOut, s.thresholdQuantile()) + s.thresholdMargin(), s.minThreshold());
    double[] median = new double[Features.COUNT];
    double[] scale = new double[Features.COUNT];
    double[] high = new double[Features.COUNT];
    double[] column = new double[rows.length];
    double[] spread = new double[rows.length];
    for (int c = 0; c < Features.COUNT; c++) {
      for (int i = 0; i < rows.length; i++) {
        column[i] = rows[i][c];
      }
      median[c] = quantile(column, 0.5);
      high[c] = quantile(column, 1);
      for (int i = 0; i < rows.length; i++) {
        spread[i] = Math.abs(column[i] - median[c]);
      }
      // 1.4826 * MAD estimates the standard deviation of normal data, and ignores the outliers
      scale[c] = Math.max(1.4826 * quantile(spread, 0.5), Features.MIN_SCALE[c]);
    }
    return new Baseline(forest, Math.min(threshold, 1.0), rows.length, median, scale, high);
  }

  private static int foldSize(int n, int folds, int f) {
    return (n - f + folds - 1) / folds;
  }

  /**
   * The reported score: the forest's score mapped so that the threshold lands on 0.5, piecewise
   * linearly: [0, threshold] to [0, 0.5] and [threshold, 1] to [0.5, 1]. Order is kept, the
   * result is in [0, 1], and any score at or above 0.5 means "beyond what normal windows reach".
   */
  double calibrate(double raw) {
    double r = Math.min(Math.max(raw, 0), 1);
    if (threshold >= 1) {
      return 0.5 * r;
    }
    return r < threshold ? 0.5 * r / threshold : 0.5 + 0.5 * (r - threshold) / (1 - threshold);
  }

  /** How many training spreads each feature of {@code x} lies from the training median (signed). */
  double[] deviations(double[] x) {
    double[] d = new double[Features.COUNT];
    for (int c = 0; c < Features.COUNT; c++) {
      d[c] = (x[c] - median[c]) / scale[c];
    }
    return d;
  }

  /**
   * The score for values beyond the learned range, which the forest cannot see: a forest splits
   * only between learned values, so a value far past the largest scores like the largest, and a
   * feature that never varied is never split. Only the upper side counts: the range-checked
   * features (operations, peers, write and error ratios, new ones) are suspicious when they rise
   * and ordinary when they fall (a quieter window, a partial one at the end of a capture). Per
   * feature, the distance past the learned maximum in
   * spreads over its {@link Features#RANGE_TOLERANCE}; the ratios of at least 1 are added (a new
   * host that also sends a new operation is more telling than either), and their sum r gives
   * {@code 1 - 0.5 / r}: 0.5 for one feature just at its tolerance, 0.75 at twice, towards 1.
   */
  double rangeScore(double[] x) {
    double sum = 0;
    for (int c = 0; c < Features.COUNT; c++) {
      double beyond = x[c] - high[c];
      double ratio = beyond / scale[c] / Features.RANGE_TOLERANCE[c];
      if (ratio >= 1) {
        sum += ratio;
      }
    }
    return sum >= 1 ? 1 - 0.5 / sum : 0;
  }

  /** Whether feature {@code c} of {@code x} lies above its learned range by its tolerance. */
  boolean beyondRange(double[] x, int c) {
    double beyond = x[c] - high[c];
    return beyond / scale[c] >= Features.RANGE_TOLERANCE[c];
  }

  double median(int feature) {
    return median[feature];
  }

  /** The q-quantile with linear interpolation between order statistics (numpy's default). */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
