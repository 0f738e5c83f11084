package io.isthmus.api.pipeline;

import org.jspecify.annotations.Nullable;

/**
 * What one source (a live interface, a broker subscription) has seen so far, for health and
 * metrics. Counters are cumulative since the source started.
 *
 * @param sourceId the id the source opened its channel with, e.g. {@code live:eth1}
 * @param kind the source's kind
 * @param sensor the sensor name on its events
 * @param state whether it is delivering
 * @param problem why it is not running, in one line; {@code null} while it runs
 * @param packets packets (or messages) the source received
 * @param captureDropped packets the capture mechanism dropped before the source saw them
 *     (kernel buffer full); 0 where the source cannot tell
 * @param interfaceDropped packets the network interface or its driver dropped; 0 where unknown
 * @param events events the source handed to the pipeline
 * @param eventsDropped events the pipeline did not accept (backpressure drop, closed channel)
 * @param malformed malformed or anomalous inputs the source reported (Zeek's weirds)
 */
public record SourceStatus(
    String sourceId,
    SourceKind kind,
    String sensor,
    State state,
    @Nullable String problem,
    long packets,
    long captureDropped,
    long interfaceDropped,
    long events,
    long eventsDropped,
    long malformed) {

  /** Life of a source. */
  public enum State {
    /** Opening its input (an interface, a connection). */
    STARTING,
    /** Delivering events. */
    RUNNING,
    /** Could not start or stopped on an error; {@link #problem()} says why. */
    FAILED,
    /** Stopped on request. */
    STOPPED
  }
}
