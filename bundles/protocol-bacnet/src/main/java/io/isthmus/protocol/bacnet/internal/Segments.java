package io.isthmus.protocol.bacnet.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reassembles the service parameters of segmented confirmed requests and ComplexACKs of one
 * direction (ASHRAE 135 clause 5.2): segments of one invoke id and PDU type must come in sequence
 * from 0; a retransmitted segment is skipped. Bounded in messages, segments and bytes.
 */
final class Segments {
  static final int MAX_MESSAGES = 16;
  static final int MAX_BYTES = 256 * 1024;

  /** The outcome of offering one segment. */
  record Offer(byte @Nullable [] complete, int length, @Nullable String weird, @Nullable String detail) {}

  private static final class Message {
    final int service;
    int next;
    byte[] data = new byte[1024];
    int length;

    Message(int service) {
      this.service = service;
    }
  }

  private final Map<Integer, Message> open = new HashMap<>();

  /** A segment's parameters {@code b[from, to)}; complete when it is the last in sequence. */
  Offer offer(Apdu a, byte[] b, int from, int to) {
    int key = a.type << 8 | a.invokeId;
    Message m = open.get(key);
    if (a.sequence == 0) {
      String weird = null;
      if (m != null) {
        weird = "restarted";
      } else if (open.size() >= MAX_MESSAGES) {
        open.clear();
        weird = "too many segmented messages at once; the unfinished ones are dropped";
      }
      m = new Message(a.service);
      open.put(key, m);
      if (weird != null) {
        append(m, b, from, to);
        return done(key, m, a, "bacnet_segment_restart", "invoke id " + a.invokeId + ": " + weird);
      }
    } else if (m == null) {
      return new Offer(null, 0, "bacnet_segment_without_start", "segment " + a.sequence + " of invoke id "
          + a.invokeId + " without its first segment");
    } else if (a.sequence == ((m.next - 1) & 0xff)) {
      return new Offer(null, 0, null, null);
    } else if (a.sequence != (m.next & 0xff) || a.service != m.service) {
      open.remove(key);
      return new Offer(null, 0, "bacnet_segment_out_of_order", "invoke id " + a.invokeId + ": segment "
          + a.sequence + " where " + (m.next & 0xff) + " of service " + m.service + " was due; the message is dropped");
    }
    if (m.length + (to - from) > MAX_BYTES) {
      open.remove(key);
      return new Offer(null, 0, "bacnet_segments_too_long", "invoke id " + a.invokeId + ": more than " + MAX_BYTES
          + " bytes of segments; the message is dropped");
    }
    append(m, b, from, to);
    return done(key, m, a, null, null);
  }

  private Offer done(int key, Message m, Apdu a, @Nullable String weird, @Nullable String detail) {
    m.next++;
    if (a.moreFollows) {
      return new Offer(null, 0, weird, detail);
    }
    open.remove(key);
    return new Offer(m.data, m.length, weird, detail);
  }

  /** Messages still waiting for segments, with a description for a weird; cleared. */
  @Nullable String abandon() {
    if (open.isEmpty()) {
      return null;
    }
    String which = open.keySet().stream().map(k -> "invoke id " + (k & 0xff)).sorted().toList().toString();
    open.clear();
    return which;
  }

  private static void append(Message m, byte[] b, int from, int to) {
    int n = to - from;
    if (m.length + n > m.data.length) {
      m.data = Arrays.copyOf(m.data, Math.max(m.data.length * 2, m.length + n));
    }
    System.arraycopy(b, from, m.data, m.length, n);
    m.length += n;
  }
}
