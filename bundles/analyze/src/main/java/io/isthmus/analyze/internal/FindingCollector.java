package io.isthmus.analyze.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Receives the pipeline's findings during a run. While learning it only counts them (they
 * describe the baseline, which is normal by definition); then it keeps those of the reported
 * models, counting the rest.
 */
final class FindingCollector implements FindingListener {
  /** Time, then model, device and indicators: the same findings always print in the same order. */
  static final Comparator<Finding> ORDER = Comparator.comparingLong(Finding::timeMicros)
      .thenComparing(Finding::modelId)
      .thenComparing(f -> f.device().toString())
      .thenComparing(f -> f.indicators().toString());

  private final Set<String> reported;
  private final ConcurrentLinkedQueue<Finding> kept = new ConcurrentLinkedQueue<>();
  private final LongAdder learning = new LongAdder();
  private final LongAdder filtered = new LongAdder();
  private volatile boolean reporting;

  /** @param reported model ids whose findings are kept; empty for all */
  FindingCollector(Set<String> reported) {
    this.reported = Set.copyOf(reported);
  }

  @Override
  public void onFinding(Finding finding) {
    if (!reporting) {
      learning.increment();
    } else if (reported.isEmpty() || reported.contains(finding.modelId())) {
      kept.add(finding);
    } else {
      filtered.increment();
    }
  }

  /** From now on findings are reported. Call once the baseline's events are all scored. */
  void startReporting() {
    reporting = true;
  }

  /** Findings emitted while the baseline was replayed (not reported). */
  long learningFindings() {
    return learning.sum();
  }

  /** Findings of models the user did not ask for. */
  long filteredFindings() {
    return filtered.sum();
  }

  /** The kept findings in {@link #ORDER}. */
  List<Finding> sorted() {
    List<Finding> list = new ArrayList<>(kept);
    list.sort(ORDER);
    return list;
  }
}
