package io.isthmus.api.pipeline;

/**
 * A service a source registers so that health and metrics can list it: the health bundle
 * collects every one (dynamic, greedy, multiple) and asks each for its status on every report.
 */
public interface MonitoredSource {

  /** The source's counters and state now; cheap and safe to call from any thread. */
  SourceStatus sourceStatus();
}
