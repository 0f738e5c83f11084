package io.isthmus.capture.internal;

/**
 * What a pcapng Interface Description Block says about the packets of its interface.
 *
 * @param snapLength the interface's snap length, 0 if unlimited
 * @param offsetMicros {@code if_tsoffset}: seconds added to every timestamp, in microseconds
 */
record PcapngInterface(int linkType, long snapLength, TimeResolution resolution, long offsetMicros) {

  long micros(long timestamp) {
    return resolution.toMicros(timestamp) + offsetMicros;
  }
}
