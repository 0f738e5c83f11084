package io.isthmus.pipeline.internal;

import io.isthmus.api.event.TelemetryEvent;

/** An accepted event with the time it was accepted, for the latency histogram. */
record QueuedEvent(TelemetryEvent event, long acceptedNanos) {}
