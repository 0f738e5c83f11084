package io.isthmus.model.baseline.internal;

import java.util.Arrays;

/**
 * Sorted, exactly sized primitive arrays used as sets, and sorted lists of closed intervals
 * ({@code [lo0, hi0, lo1, hi1, ...]}). An insert replaces the array, so a reader holding the old
 * reference (an export while events flow) always sees a consistent array.
 */
final class SmallSets {
  static final short[] NO_SHORTS = new short[0];
  static final int[] NO_INTS = new int[0];

  private SmallSets() {}

  static boolean contains(short[] set, short value) {
    return Arrays.binarySearch(set, value) >= 0;
  }

  static short[] with(short[] set, short value) {
    int at = Arrays.binarySearch(set, value);
    if (at >= 0) {
      return set;
    }
    int insert = -at - 1;
    short[] grown = new short[set.length + 1];
    System.arraycopy(set, 0, grown, 0, insert);
    grown[insert] = value;
    System.arraycopy(set, insert, grown, insert + 1, set.length - insert);
    return grown;
  }

  static boolean contains(int[] set, int value) {
    return Arrays.binarySearch(set, value) >= 0;
  }

  static int[] with(int[] set, int value) {
    int at = Arrays.binarySearch(set, value);
    if (at >= 0) {
      return set;
    }
    int insert = -at - 1;
    int[] grown = new int[set.length + 1];
    System.arraycopy(set, 0, grown, 0, insert);
    grown[insert] = value;
    System.arraycopy(set, insert, grown, insert + 1, set.length - insert);
    return grown;
  }

  /** Whether {@code [lo, hi]} lies inside one interval of {@code ranges}. */
  static boolean covers(int[] ranges, int lo, int hi) {
    for (int i = 0; i + 1 < ranges.length; i += 2) {
      if (ranges[i] <= lo && hi <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code [lo, hi]} lies between the lowest and highest address learned in the same
   * 64 Ki block ({@code lo >>> 16}): how read ranges are generalised, since a master that reads
   * registers 1-99 and 399 also reads 200 now and then without it meaning anything.
   */
  static boolean withinEnvelope(int[] ranges, int lo, int hi) {
    int block = lo >>> 16;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i + 1 < ranges.length; i += 2) {
      if (ranges[i] >>> 16 == block) {
        min = Math.min(min, ranges[i]);
        max = Math.max(max, ranges[i + 1]);
      }
    }
    return min <= lo && hi <= max;
  }

  /**
   * Adds {@code [lo, hi]}, merging touching intervals; beyond {@code maxIntervals} the two
   * intervals with the smallest gap are joined, so the set generalises instead of growing.
   */
  static int[] withRange(int[] ranges, int lo, int hi, int maxIntervals) {
    int n = ranges.length / 2;
    int[] out = new int[ranges.length + 2];
    int k = 0;
    boolean placed = false;
    for (int i = 0; i < n; i++) {
      int a = ranges[2 * i];
      int b = ranges[2 * i + 1];
      if (!placed && lo < a) {
        k = append(out, k, lo, hi);
        placed = true;
      }
      k = append(out, k, a, b);
    }
    if (!placed) {
      k = append(out, k, lo, hi);
    }
    while (k / 2 > maxIntervals) {
      k = joinClosest(out, k);
    }
    return k == out.length ? out : Arrays.copyOf(out, k);
  }

  private static int append(int[] out, int k, int lo, int hi) {
    if (k > 0 && lo <= (long) out[k - 1] + 1) {
      out[k - 1] = Math.max(out[k - 1], hi);
      return k;
    }
    out[k] = lo;
    out[k + 1] = hi;
    return k + 2;
  }

  private static int joinClosest(int[] out, int k) {
    int best = 0;
    long bestGap = Long.MAX_VALUE;
    for (int i = 0; i + 3 < k; i += 2) {
      long gap = (long) out[i + 2] - out[i + 1];
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    out[best + 1] = Math.max(out[best + 1], out[best + 3]);
    System.arraycopy(out, best + 4, out, best + 2, k - best - 4);
    return k - 2;
  }
}
