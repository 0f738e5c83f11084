package io.isthmus.model.iforest.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Isolation Forest (Liu, Ting and Zhou, ICDM 2008), the variant scikit-learn implements: each tree
 * is grown on {@code min(subsample, n)} rows drawn without replacement, to depth
 * {@code ceil(log2(subsample))}; a node splits on a random feature that is not constant in the
 * node, at a threshold drawn uniformly between that feature's minimum and maximum. A row's score is
 * {@code 2^(-E(h(x)) / c(psi))}: near 1 for rows isolated in few splits, about 0.5 or less for
 * ordinary rows.
 *
 * <p>All trees live in flat arrays in pre-order (a split's left child is the next node), so
 * scoring is a tight loop with no objects. Immutable once built; safe to share across threads.
 */
final class IsolationForest {
  private static final double EULER_GAMMA = 0.5772156649015329;

  private final int[] roots;
  /** Split feature of each node, or -1 for a leaf. */
  private final int[] feature;
  /** Split threshold of a split node (rows with value <= go left), or path length of a leaf. */
  private final double[] value;
  private final int[] right;
  private final double normaliser;

  private IsolationForest(int[] roots, int[] feature, double[] value, int[] right, int sampleSize) {
    this.roots = roots;
    this.feature = feature;
    this.value = value;
    this.right = right;
    this.normaliser = averagePathLength(sampleSize);
  }

  /** Grows {@code trees} trees on {@code rows} (all of the same width, at least one row). */
  static IsolationForest train(double[][] rows, int trees, int subsample, long seed) {
    if (rows.length == 0 || trees < 1 || subsample < 1) {
      throw new IllegalArgumentException("need rows, trees >= 1 and subsample >= 1");
    }
    int psi = Math.min(subsample, rows.length);
    int maxDepth = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2));
    Builder b = new Builder(rows, new SplittableRandom(seed), maxDepth);
    int[] roots = new int[trees];
    int[] all = new int[rows.length];
    for (int t = 0; t < trees; t++) {
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      for (int i = 0; i < psi; i++) { // partial Fisher-Yates: the first psi entries are the sample
        int j = i + b.random.nextInt(all.length - i);
        int swap = all[i];
        all[i] = all[j];
        all[j] = swap;
      }
      roots[t] = b.size;
      b.grow(Arrays.copyOf(all, psi), 0, psi, 0);
    }
    return new IsolationForest(roots, Arrays.copyOf(b.feature, b.size), Arrays.copyOf(b.value, b.size),
        Arrays.copyOf(b.right, b.size), psi);
  }

  /** The anomaly score of one row, in (0, 1]. */
  double score(double[] row) {
    double total = 0;
    for (int root : roots) {
      int node = root;
      int f;
      while ((f = feature[node]) >= 0) {
        node = row[f] <= value[node] ? node + 1 : right[node];
      }
      total += value[node];
    }
    return Math.pow(2.0, -(total / roots.length) / normaliser);
  }

  int trees() {
    return roots.length;
  }

  /** c(n): the average path length of an unsuccessful search in a binary search tree of n keys. */
  static double averagePathLength(int n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
  }

  private static final class Builder {
    final double[][] rows;
    final SplittableRandom random;
    final int maxDepth;
    int[] feature = new int[1024];
    double[] value = new double[1024];
    int[] right = new int[1024];
    int[] order = new int[0];
    int size;

    Builder(double[][] rows, SplittableRandom random, int maxDepth) {
      this.rows = rows;
      this.random = random;
      this.maxDepth = maxDepth;
    }

    /** Grows the subtree over {@code idx[lo, hi)} at {@code depth}; returns its root node. */
    int grow(int[] idx, int lo, int hi, int depth) {
      int node = add();
      int n = hi - lo;
      if (depth >= maxDepth || n <= 1 || !chooseSplit(idx, lo, hi, node)) {
        feature[node] = -1;
        value[node] = depth + averagePathLength(n);
        return node;
      }
      int f = feature[node];
      double threshold = value[node];
      int mid = lo;
      for (int i = lo; i < hi; i++) {
        if (rows[idx[i]][f] <= threshold) {
          int swap = idx[mid];
          idx[mid++] = idx[i];
          idx[i] = swap;
        }
      }
      grow(idx, lo, mid, depth + 1);
      right[node] = grow(idx, mid, hi, depth + 1);
      return node;
    }

    /** Picks a random non-constant feature and threshold for the node; false if all are constant. */
    private boolean chooseSplit(int[] idx, int lo, int hi, int node) {
      int width = rows[idx[lo]].length;
      if (order.length != width) {
        order = new int[width];
      }
      for (int k = 0; k < width; k++) {
        order[k] = k;
      }
      for (int k = 0; k < width; k++) { // features in random order, without replacement
        int pick = k + random.nextInt(width - k);
        int f = order[pick];
        order[pick] = order[k];
        order[k] = f;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = lo; i < hi; i++) {
          double v = rows[idx[i]][f];
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        if (max > min) {
          double threshold = min + random.nextDouble() * (max - min);
          feature[node] = f;
          value[node] = threshold >= max ? min : threshold; // keep both sides non-empty
          return true;
        }
      }
      return false;
    }

    private int add() {
      if (size == feature.length) {
        feature = Arrays.copyOf(feature, size * 2);
        value = Arrays.copyOf(value, size * 2);
        right = Arrays.copyOf(right, size * 2);
      }
      return size++;
    }
  }
}
