package io.isthmus.capture.internal;

/** What one pass over a capture saw; written by the replay thread only. */
final class ReplayStats {
  long packets;
  long bytes;
  long tcpSegments;
  long udpDatagrams;
  long notIp;
  long otherTransport;
  /** Conversations handed to a decoder. */
  long conversations;
  /** Conversations no decoder's port matched. */
  long ignoredConversations;
  long evictedConversations;
  long events;
  long gaps;
  long missedBytes;
  long weirds;
  long firstMicros = Long.MAX_VALUE;
  long lastMicros = Long.MIN_VALUE;

  /** Capture time the packets span, in microseconds; 0 if there were none. */
  long spanMicros() {
    return packets == 0 ? 0 : lastMicros - firstMicros;
  }

  @Override
  public String toString() {
    return packets + " packets, " + conversations + " conversations (" + ignoredConversations + " without a decoder), "
        + events + " events, " + weirds + " weirds";
  }
}
