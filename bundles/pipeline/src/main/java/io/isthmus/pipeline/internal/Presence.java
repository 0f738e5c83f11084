package io.isthmus.pipeline.internal;

/** Whether the bundle behind a parked model may still bring a next version. */
enum Presence {
  /** Running or being updated: the next version may come. */
  PRESENT,
  /** Stopped, not (yet) restarting: an update restarts within moments; a stop does not. */
  STOPPED,
  /** Uninstalled: no next version comes from it. */
  GONE
}
