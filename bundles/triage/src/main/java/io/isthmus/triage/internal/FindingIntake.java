package io.isthmus.triage.internal;

import io.isthmus.api.detection.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where pipeline threads leave findings for the triage thread, without ever blocking.
 *
 * <p>A finding goes into a bounded queue. When the queue is full it is folded into its group's
 * pending count (a table of at most {@code foldedGroups} groups, each keeping one sample finding,
 * the count, the time span and the highest score), so a flood of the same finding costs one entry
 * and none is lost for the count. Only when the table is full of other groups is a finding dropped,
 * and counted as such: memory stays bounded even when every finding is of a new group.
 */
final class FindingIntake {

  /** Findings of one group that did not fit the queue. Mutated only inside the table's compute. */
  static final class Folded {
    final Finding sample;
    long count;
    long firstMicros;
    long lastMicros;
    double maxScore;

    Folded(Finding sample) {
      this.sample = sample;
      this.firstMicros = sample.timeMicros();
      this.lastMicros = sample.timeMicros();
    }

    void add(Finding finding) {
      count++;
      firstMicros = Math.min(firstMicros, finding.timeMicros());
      lastMicros = Math.max(lastMicros, finding.timeMicros());
      maxScore = Math.max(maxScore, finding.score());
    }
  }

  private final BlockingQueue<Finding> queue;
  private final Map<String, Folded> folded = new ConcurrentHashMap<>();
  private final int foldedGroups;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong foldedCount = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong foldedPeak = new AtomicLong();
  /**
   * Entries in {@link #folded}, counted exactly: ConcurrentHashMap.size() is an estimate while
   * another thread removes entries, and both the bound and the peak rely on this count.
   */
  private final AtomicInteger foldedEntries = new AtomicInteger();

  FindingIntake(int queueCapacity, int foldedGroups) {
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.foldedGroups = foldedGroups;
  }

  /** Called on pipeline threads. Returns false only when the finding was dropped (and counted). */
  boolean offer(Finding finding) {
    received.incrementAndGet();
    if (queue.offer(finding)) {
      return true;
    }
    String key = GroupKey.of(finding);
    boolean[] taken = {false};
    folded.compute(key, (k, pending) -> {
      if (pending == null) {
        if (foldedEntries.get() >= foldedGroups) {
          return null;
        }
        pending = new Folded(finding);
        foldedPeak.accumulateAndGet(foldedEntries.incrementAndGet(), Math::max);
      }
      pending.add(finding);
      taken[0] = true;
      return pending;
    });
    if (!taken[0]) {
      dropped.incrementAndGet();
      return false;
    }
    foldedCount.incrementAndGet();
    return true;
  }

  /** Waits up to {@code timeoutMillis} for a finding, then takes up to {@code max} queued ones. */
  List<Finding> poll(int max, long timeoutMillis) throws InterruptedException {
    List<Finding> batch = new ArrayList<>();
    Finding first = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    if (first != null) {
      batch.add(first);
      queue.drainTo(batch, max - 1);
    }
    return batch;
  }

  /** Removes and returns every folded group; a finding folded meanwhile starts a new entry. */
  List<Folded> takeFolded() {
    List<Folded> taken = new ArrayList<>();
    for (String key : List.copyOf(folded.keySet())) {
      // Counted down under the key's lock, so a finding folded meanwhile is counted after it.
      folded.computeIfPresent(key, (k, pending) -> {
        foldedEntries.decrementAndGet();
        taken.add(pending);
        return null;
      });
    }
    return taken;
  }

  boolean isEmpty() {
    return queue.isEmpty() && folded.isEmpty();
  }

  int queued() {
    return queue.size();
  }

  int foldedGroups() {
    return foldedEntries.get();
  }

  long received() {
    return received.get();
  }

  long folded() {
    return foldedCount.get();
  }

  long dropped() {
    return dropped.get();
  }

  long foldedPeak() {
    return foldedPeak.get();
  }
}
