package io.isthmus.api.pipeline;

import io.isthmus.api.event.TelemetryEvent;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees every event the pipeline scores, after the models, without producing findings: asset
 * discovery, traffic statistics. Called on the pipeline's worker threads, one device's events in
 * order on one thread; different devices concurrently. Return quickly and never block: the
 * observer shares the scoring path. An exception is logged (rate-limited) and the event goes on.
 */
@ConsumerType
@FunctionalInterface
public interface EventObserver {

  void observe(TelemetryEvent event);
}
