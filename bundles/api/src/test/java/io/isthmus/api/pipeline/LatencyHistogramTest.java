package io.isthmus.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  private static LatencyHistogram of(long... latencies) {
    long[] counts = new long[LatencyHistogram.BUCKETS];
    long max = 0;
    for (long nanos : latencies) {
      counts[LatencyHistogram.bucketOf(nanos)]++;
      max = Math.max(max, nanos);
    }
    return new LatencyHistogram(counts, max);
  }

  @Test
  void everyBucketHoldsExactlyTheLatenciesUpToItsBound() {
    assertEquals(0, LatencyHistogram.bucketOf(0));
    assertEquals(0, LatencyHistogram.bucketOf(1_023));
    assertEquals(1_023, LatencyHistogram.upperBoundNanos(0));
    for (int i = 0; i < LatencyHistogram.BUCKETS - 1; i++) {
      long bound = LatencyHistogram.upperBoundNanos(i);
      assertEquals(i, LatencyHistogram.bucketOf(bound), "upper bound of bucket " + i);
      assertEquals(i + 1, LatencyHistogram.bucketOf(bound + 1), "just above bucket " + i);
      assertTrue(LatencyHistogram.upperBoundNanos(i + 1) > bound, "bounds increase at " + i);
    }
  }

  @Test
  void boundsGrowByAboutAQuarterOctaveFromOneMicrosecond() {
    assertEquals(1_279, LatencyHistogram.upperBoundNanos(1));
    assertEquals(2_047, LatencyHistogram.upperBoundNanos(4));
    assertEquals(4_095, LatencyHistogram.upperBoundNanos(8));
    for (int i = 1; i < LatencyHistogram.BUCKETS - 2; i++) {
      double ratio = (LatencyHistogram.upperBoundNanos(i + 1) + 1.0) / (LatencyHistogram.upperBoundNanos(i) + 1.0);
      assertTrue(ratio > 1.1 && ratio < 1.26, "ratio " + ratio + " at bucket " + i);
    }
  }

  @Test
  void theLastBucketTakesEverythingLonger() {
    int last = LatencyHistogram.BUCKETS - 1;
    long lastFinite = LatencyHistogram.upperBoundNanos(last - 1);
    assertTrue(lastFinite > 50_000_000_000L, "finite buckets reach about a minute: " + lastFinite);
    assertEquals(last, LatencyHistogram.bucketOf(lastFinite + 1));
    assertEquals(last, LatencyHistogram.bucketOf(3_600_000_000_000L));
    assertEquals(last, LatencyHistogram.bucketOf(Long.MAX_VALUE));
    assertEquals(Long.MAX_VALUE, LatencyHistogram.upperBoundNanos(last),
        "the overflow bucket's upper bound must cover every latency bucketOf puts in it");
  }

  @Test
  void negativeLatenciesLandInTheFirstBucket() {
    assertEquals(0, LatencyHistogram.bucketOf(-5));
  }

  @Test
  void quantilesAreBucketUpperBoundsCappedAtTheMax() {
    // 90 fast events around 2 µs, 9 around 100 µs, one of 5 ms.
    long[] latencies = new long[100];
    for (int i = 0; i < 90; i++) {
      latencies[i] = 2_000;
    }
    for (int i = 90; i < 99; i++) {
      latencies[i] = 100_000;
    }
    latencies[99] = 5_000_000;
    LatencyHistogram h = of(latencies);

    assertEquals(100, h.count());
    long p50 = h.quantileNanos(0.5);
    assertEquals(LatencyHistogram.upperBoundNanos(LatencyHistogram.bucketOf(2_000)), p50);
    assertTrue(p50 >= 2_000 && p50 < 2_000 * 1.2, "p50 " + p50);
    assertEquals(p50, h.quantileNanos(0.9), "the 90th event is still a fast one");
    long p99 = h.quantileNanos(0.99);
    assertTrue(p99 >= 100_000 && p99 < 100_000 * 1.2, "p99 " + p99);
    assertEquals(5_000_000, h.quantileNanos(1.0), "the top quantile is capped at the max seen");
    assertEquals(p50, h.quantileNanos(0.0), "q=0 is the smallest bucket with events");
  }

  @Test
  void aLatencyBeyondTheLastFiniteBoundIsReportedAsTheMax() {
    long twoMinutes = 120_000_000_000L;
    LatencyHistogram h = of(1_000, twoMinutes);
    assertEquals(twoMinutes, h.quantileNanos(1.0));
    assertEquals(1_023, h.quantileNanos(0.5), "the upper bound of the first bucket");
  }

  @Test
  void anEmptyHistogramHasZeroQuantiles() {
    LatencyHistogram h = LatencyHistogram.empty();
    assertEquals(0, h.count());
    assertEquals(0, h.quantileNanos(0.5));
    assertEquals(0, h.quantileNanos(1.0));
  }

  @Test
  void minusGivesTheWindowBetweenTwoSnapshots() {
    LatencyHistogram earlier = of(2_000, 2_000, 50_000);
    LatencyHistogram later = of(2_000, 2_000, 50_000, 2_000, 7_000_000, 7_000_000);
    LatencyHistogram window = later.minus(earlier);

    assertEquals(3, window.count());
    long[] expected = new long[LatencyHistogram.BUCKETS];
    expected[LatencyHistogram.bucketOf(2_000)] = 1;
    expected[LatencyHistogram.bucketOf(7_000_000)] = 2;
    assertArrayEquals(expected, window.counts());
    assertEquals(later.maxNanos(), window.maxNanos());
    assertEquals(7_000_000, window.quantileNanos(1.0));
    assertEquals(LatencyHistogram.empty().counts().length, later.minus(later).counts().length);
    assertEquals(0, later.minus(later).count());
  }

  @Test
  void countsAreCopiedInAndOut() {
    long[] counts = new long[LatencyHistogram.BUCKETS];
    counts[3] = 5;
    LatencyHistogram h = new LatencyHistogram(counts, 2_000);
    counts[3] = 99;
    assertEquals(5, h.counts()[3]);
    h.counts()[3] = 42;
    assertEquals(5, h.counts()[3]);
  }

  @Test
  void theBucketCountIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> new LatencyHistogram(new long[10], 0));
  }
}
