package io.isthmus.capture.internal;

/**
 * Bounds of one replay.
 *
 * @param maxFlows conversations tracked at once; the least recently active is closed beyond it
 * @param tcpIdleMicros capture time after which a silent TCP conversation is closed
 * @param udpIdleMicros capture time after which a silent UDP conversation is closed
 * @param maxStreamBuffer out-of-order bytes one TCP direction may hold while waiting for a hole
 * @param maxPendingBytes unconsumed bytes one direction may hold for its decoder
 * @param maxBufferedBytes bytes all conversations together may hold
 * @param maxFragmentDatagrams fragmented datagrams reassembled at once
 * @param maxFragmentBytes fragment bytes held at once
 * @param fragmentTimeoutMicros capture time within which a datagram's fragments must all arrive
 */
record ReplaySettings(int maxFlows, long tcpIdleMicros, long udpIdleMicros, int maxStreamBuffer,
    int maxPendingBytes, long maxBufferedBytes, int maxFragmentDatagrams, long maxFragmentBytes,
    long fragmentTimeoutMicros) {

  static final ReplaySettings DEFAULTS = new ReplaySettings(65_536, 300_000_000L, 60_000_000L, 256 * 1024,
      64 * 1024, 64L << 20, 1_024, 4L << 20, 30_000_000L);

  ReplaySettings {
    if (maxFlows < 1 || maxStreamBuffer < 1 || maxPendingBytes < 1 || maxBufferedBytes < 1 || maxFragmentDatagrams < 1
        || maxFragmentBytes < 1 || tcpIdleMicros < 1 || udpIdleMicros < 1 || fragmentTimeoutMicros < 1) {
      throw new IllegalArgumentException("replay bounds must be positive");
    }
  }
}
