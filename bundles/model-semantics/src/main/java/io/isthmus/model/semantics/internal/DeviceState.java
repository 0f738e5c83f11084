package io.isthmus.model.semantics.internal;

/** What the model keeps about one device; used by the device's scoring thread only, except {@link #relations}. */
final class DeviceState {
  final Relations relations;
  final Repeats repeats;
  final Sweeps unitSweeps;
  final Sweeps functionSweeps;
  /** Read by other threads when choosing a device to evict. */
  volatile long lastSeenMicros;

  DeviceState(Settings s) {
    relations = new Relations(s.peersPerDevice());
    repeats = new Repeats(s.repeatWindowMicros(), 4 * s.peersPerDevice());
    unitSweeps = new Sweeps(s.sweepWindowMicros(), s.peersPerDevice());
    functionSweeps = new Sweeps(s.sweepWindowMicros(), s.peersPerDevice());
  }
}
