package io.isthmus.api.pipeline;

/** The kind of a source, which sets its default {@link Backpressure}. */
public enum SourceKind {
  /** Replays recorded traffic (a capture file, a Zeek log): blocks by default. */
  FILE_REPLAY(Backpressure.BLOCK),
  /** Watches live traffic (an interface, a broker, a sensor): drops with a count by default. */
  LIVE(Backpressure.DROP);

  private final Backpressure defaultBackpressure;

  SourceKind(Backpressure defaultBackpressure) {
    this.defaultBackpressure = defaultBackpressure;
  }

  public Backpressure defaultBackpressure() {
    return defaultBackpressure;
  }
}
