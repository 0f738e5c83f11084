package io.isthmus.pipeline.internal;

import io.isthmus.api.pipeline.LatencyHistogram;
import java.util.concurrent.atomic.AtomicLongArray;

/** A latency histogram written by one thread and read by any. */
final class LatencyRecorder {
  private final AtomicLongArray counts = new AtomicLongArray(LatencyHistogram.BUCKETS);
  private volatile long maxNanos;

  /** Single writer: the owning worker. Release stores are plain moves on x86. */
  void record(long nanos) {
    int bucket = LatencyHistogram.bucketOf(nanos);
    counts.setRelease(bucket, counts.getPlain(bucket) + 1);
    if (nanos > maxNanos) {
      maxNanos = nanos;
    }
  }

  static LatencyHistogram merge(Iterable<LatencyRecorder> recorders) {
    long[] sum = new long[LatencyHistogram.BUCKETS];
    long max = 0;
    for (LatencyRecorder r : recorders) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += r.counts.getAcquire(i);
      }
      max = Math.max(max, r.maxNanos);
    }
    return new LatencyHistogram(sum, max);
  }
}
