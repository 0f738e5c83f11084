package io.isthmus.api.pipeline;

/** What the pipeline does with a source's event when the queue of its partition is full. */
public enum Backpressure {
  /** The publisher waits for room. Right for file replay: nothing is lost, replay slows down. */
  BLOCK,
  /** The event is dropped and counted. Right for live capture: the wire does not wait. */
  DROP
}
