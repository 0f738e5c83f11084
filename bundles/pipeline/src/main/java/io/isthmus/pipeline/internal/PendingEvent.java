package io.isthmus.pipeline.internal;

/**
 * An event held for one or more models whose bundle is being swapped. Touched only by the
 * worker that owns the event's partition, so the counter needs no synchronisation.
 */
final class PendingEvent {
  final QueuedEvent queued;
  int lanesPending;

  PendingEvent(QueuedEvent queued) {
    this.queued = queued;
  }
}
