package io.isthmus.api.pipeline;

/**
 * Cumulative distribution of the time from an event's acceptance to the end of its scoring.
 * Bucket {@code i} counts events whose latency is at most {@code upperBoundNanos(i)}; bounds
 * grow by a factor of 2^(1/4) (about 19%), from 1 µs to about 51 s; the last bucket takes every
 * longer latency (its upper bound is {@link Long#MAX_VALUE}). Two snapshots can be subtracted
 * ({@link #minus}) to get the distribution of a window.
 *
 * @param counts events per bucket since the pipeline started
 * @param maxNanos the largest latency seen since the pipeline started
 */
public record LatencyHistogram(long[] counts, long maxNanos) {

  /** Number of buckets. */
  public static final int BUCKETS = 104;

  private static final int SUB_BITS = 2;

  public LatencyHistogram {
    if (counts.length != BUCKETS) {
      throw new IllegalArgumentException("expected " + BUCKETS + " buckets, got " + counts.length);
    }
    counts = counts.clone();
  }

  /** The bucket a latency falls into. */
  public static int bucketOf(long nanos) {
    if (nanos < 1_024) {
      return 0;
    }
    int log2 = 63 - Long.numberOfLeadingZeros(nanos);
    int sub = (int) (nanos >>> (log2 - SUB_BITS)) & ((1 << SUB_BITS) - 1);
    int index = ((log2 - 10) << SUB_BITS) + sub + 1;
    return Math.min(index, BUCKETS - 1);
  }

  /** The largest latency that falls into bucket {@code i}. */
  public static long upperBoundNanos(int i) {
    if (i <= 0) {
      return 1_023;
    }
    if (i >= BUCKETS - 1) {
      // bucketOf clamps every longer latency into the last bucket: it has no finite bound.
      return Long.MAX_VALUE;
    }
    int log2 = ((i - 1) >> SUB_BITS) + 10;
    int sub = (i - 1) & ((1 << SUB_BITS) - 1);
    long base = 1L << log2;
    return base + (base >> SUB_BITS) * (sub + 1) - 1;
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  public long count() {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }

  /** The latency at quantile {@code q} (0..1), as its bucket's upper bound; 0 when empty. */
  public long quantileNanos(double q) {
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= Math.max(rank, 1)) {
        return Math.min(upperBoundNanos(i), maxNanos > 0 ? maxNanos : Long.MAX_VALUE);
      }
    }
    return maxNanos;
  }

  /** The events of this snapshot that are not in an earlier one (max stays this snapshot's). */
  public LatencyHistogram minus(LatencyHistogram earlier) {
    long[] diff = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      diff[i] = counts[i] - earlier.counts[i];
    }
    return new LatencyHistogram(diff, maxNanos);
  }

  public static LatencyHistogram empty() {
    return new LatencyHistogram(new long[BUCKETS], 0);
  }
}
