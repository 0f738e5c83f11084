package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every finding and logs it, at most 20 a second with a count of the rest, until triage
 * takes findings over.
 */
@Component(service = FindingListener.class, property = "isthmus.listener=log")
public final class LoggingFindingListener implements FindingListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.isthmus.findings");
  private static final int PER_SECOND = 20;

  private final LongAdder count = new LongAdder();
  private final AtomicLong windowStart = new AtomicLong();
  private final AtomicLong inWindow = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();

  @Override
  public void onFinding(Finding f) {
    count.increment();
    long now = System.nanoTime();
    long start = windowStart.get();
    if (now - start > TimeUnit.SECONDS.toNanos(1) && windowStart.compareAndSet(start, now)) {
      inWindow.set(0);
      long skipped = suppressed.getAndSet(0);
      if (skipped > 0) {
        LOG.info("{} more findings not logged in the last second", skipped);
      }
    }
    if (inWindow.incrementAndGet() > PER_SECOND) {
      suppressed.incrementAndGet();
      return;
    }
    LOG.info("{} {} score {} on {} (peer {}): {} [{}] {}", f.modelId(), f.modelVersion(),
        String.format("%.2f", f.score()), f.device(), f.peer(), f.indicators(),
        f.techniques().stream().map(t -> t.id() + " " + t.name()).reduce((a, b) -> a + ", " + b).orElse(""),
        f.explanation());
  }

  long count() {
    return count.sum();
  }
}
