package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.pipeline.ShadowComparison;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The running comparison of one shadow version with the active version of its id. Fed by every
 * worker thread, so the counters are adders; {@link #snapshot} may lag a batch behind.
 */
final class Comparison {
  final String modelId;
  final String activeVersion;
  final String shadowVersion;
  private final long sinceMillis = System.currentTimeMillis();
  private final LongAdder events = new LongAdder();
  private final LongAdder activeFindings = new LongAdder();
  private final LongAdder shadowFindings = new LongAdder();
  private final LongAdder activeFlags = new LongAdder();
  private final LongAdder shadowFlags = new LongAdder();
  private final LongAdder agreedFlags = new LongAdder();
  private final DoubleAdder drift = new DoubleAdder();

  Comparison(String modelId, String activeVersion, String shadowVersion) {
    this.modelId = modelId;
    this.activeVersion = activeVersion;
    this.shadowVersion = shadowVersion;
  }

  /** One event both versions observed, with the findings each emitted for it. */
  void record(List<Finding> active, List<Finding> shadow) {
    events.increment();
    if (active.isEmpty() && shadow.isEmpty()) {
      return;
    }
    activeFindings.add(active.size());
    shadowFindings.add(shadow.size());
    Map<String, Double> a = highestByDevice(active);
    Map<String, Double> s = highestByDevice(shadow);
    activeFlags.add(a.size());
    shadowFlags.add(s.size());
    long agreed = 0;
    double sum = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double other = s.get(e.getKey());
      if (other != null) {
        agreed++;
        sum += Math.abs(e.getValue() - other);
      }
    }
    agreedFlags.add(agreed);
    drift.add(sum);
  }

  private static Map<String, Double> highestByDevice(List<Finding> findings) {
    Map<String, Double> out = new HashMap<>();
    for (Finding f : findings) {
      out.merge(f.device().deviceKey(), f.score(), Math::max);
    }
    return out;
  }

  ShadowComparison snapshot() {
    long agreed = agreedFlags.sum();
    long a = activeFlags.sum();
    long s = shadowFlags.sum();
    long union = a + s - agreed;
    return new ShadowComparison(modelId, activeVersion, shadowVersion, sinceMillis, events.sum(),
        activeFindings.sum(), shadowFindings.sum(), a, s, agreed, union == 0 ? 1.0 : (double) agreed / union,
        agreed == 0 ? 0.0 : drift.sum() / agreed);
  }
}
