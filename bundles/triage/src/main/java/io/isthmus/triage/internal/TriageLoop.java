package io.isthmus.triage.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.store.StoreException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The triage thread: takes findings from the intake, triages them, commits each batch. */
final class TriageLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(TriageLoop.class);
  private static final long POLL_MILLIS = 200;
  private static final long RETRY_MILLIS = 1000;

  private final FindingIntake intake;
  private final TriageEngine engine;
  private final int batchSize;
  private final Thread thread;
  private volatile boolean running = true;
  private long storeFailures;

  TriageLoop(FindingIntake intake, TriageEngine engine, int batchSize) {
    this.intake = intake;
    this.engine = engine;
    this.batchSize = batchSize;
    this.thread = new Thread(this, "isthmus-triage");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void offer(Finding finding) {
    if (!intake.offer(finding) && intake.dropped() % 10_000 == 1) {
      LOG.warn("triage: queue and folded-group table full, {} finding(s) dropped so far (counted, not triaged)",
          intake.dropped());
    }
  }

  /** Stops the thread after it has triaged and committed what was already received. */
  void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(30_000);
    if (thread.isAlive()) {
      LOG.warn("triage: thread did not stop within 30 s");
    }
  }

  @Override
  public void run() {
    while (running) {
      try {
        step(POLL_MILLIS);
      } catch (InterruptedException e) {
        if (running) {
          Thread.currentThread().interrupt();
          break;
        }
      } catch (RuntimeException e) {
        LOG.error("triage: unexpected failure, continuing: {}", e.toString(), e);
      }
    }
    drainOnStop();
  }

  /** Triages one batch and commits it; while the store fails nothing new is taken (the intake folds). */
  void step(long pollMillis) throws InterruptedException {
    if (engine.hasPending() && !commit()) {
      Thread.sleep(RETRY_MILLIS);
      return;
    }
    List<Finding> batch = intake.poll(batchSize, pollMillis);
    for (Finding finding : batch) {
      engine.handle(finding);
    }
    for (FindingIntake.Folded folded : intake.takeFolded()) {
      engine.handle(folded);
    }
    commit();
  }

  private boolean commit() {
    try {
      engine.flush();
      return true;
    } catch (StoreException e) {
      if (storeFailures++ % 60 == 0) {
        LOG.warn("triage: alerts not committed yet, retrying (failure {}): {}", storeFailures, e.getMessage());
      }
      return false;
    }
  }

  private void drainOnStop() {
    Thread.interrupted();
    try {
      while (!intake.isEmpty() || engine.hasPending()) {
        if (engine.hasPending() && !commit()) {
          LOG.warn("triage: stopping with uncommitted alerts: the store is failing");
          return;
        }
        step(0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  FindingIntake intake() {
    return intake;
  }

  TriageEngine engine() {
    return engine;
  }
}
