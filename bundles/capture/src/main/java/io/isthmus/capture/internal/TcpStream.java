package io.isthmus.capture.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One direction of a TCP connection put back in order. In-order bytes go straight to the
 * receiver; segments ahead of a hole wait, within a per-stream bound and a shared budget.
 * Retransmitted bytes are dropped, overlaps trimmed (the bytes delivered first stand). A hole is
 * given up as a gap when the peer acknowledges data beyond it, when the bounds leave no room,
 * or when the connection ends. Sequence numbers are unwrapped to 64 bits around the next
 * expected byte, so streams longer than 4 GiB stay in order.
 */
final class TcpStream {

  /** Where the ordered bytes of the stream go. */
  interface Receiver {
    void data(byte[] b, int offset, int length, long timeMicros);

    void gap(long missingBytes, long timeMicros);
  }

  /** A held segment: its bytes, and how many more the IP length declared but the capture lacks. */
  private record Segment(byte[] data, int missing) {
    long end(long start) {
      return start + data.length + missing;
    }
  }

  private final TreeMap<Long, Segment> held = new TreeMap<>();
  private final int maxHeld;
  private final BufferBudget budget;
  private final Receiver receiver;
  private boolean started;
  private boolean synSeen;
  private int isn;
  private long next;
  private long fin = -1;
  private int heldBytes;
  private long duplicateBytes;

  TcpStream(int maxHeld, BufferBudget budget, Receiver receiver) {
    this.maxHeld = maxHeld;
    this.budget = budget;
    this.receiver = receiver;
  }

  /** A SYN from this side: the stream's data starts one after {@code seq}. */
  void syn(int seq) {
    if (!started) {
      started = true;
      synSeen = true;
      isn = seq;
      next = (seq & 0xffff_ffffL) + 1;
    }
  }

  /** Whether a SYN with {@code seq} starts a new connection rather than repeating this one's. */
  boolean isNewSyn(int seq) {
    return started && (!synSeen || seq != isn);
  }

  /**
   * A segment of this direction: {@code length} captured payload bytes starting at {@code seq},
   * {@code missing} more that the capture cut off, and whether it carries FIN.
   */
  void segment(int seq, byte[] b, int offset, int length, int missing, boolean finFlag, long time) {
    if (!started) {
      // Picked up mid-stream: the first segment seen sets the position.
      started = true;
      next = seq & 0xffff_ffffL;
    }
    long start = unwrap(seq);
    long end = start + length + missing;
    if (finFlag && fin < 0) {
      fin = end;
    }
    if (end <= next) {
      duplicateBytes += length;
      return;
    }
    if (start <= next) {
      deliver(start, b, offset, length, missing, time);
      drain(time);
      return;
    }
    while (heldBytes + length > maxHeld && !held.isEmpty()) {
      skipHole(time);
    }
    if (start <= next) {
      if (end > next) {
        deliver(start, b, offset, length, missing, time);
        drain(time);
      }
      return;
    }
    if (heldBytes + length > maxHeld || !budget.reserve(length)) {
      // No room to wait for the hole: give it up.
      receiver.gap(start - next, time);
      next = start;
      deliver(start, b, offset, length, missing, time);
      drain(time);
      return;
    }
    Segment previous = held.get(start);
    if (previous != null) {
      if (previous.data.length + previous.missing >= length + missing) {
        budget.release(length);
        duplicateBytes += length;
        return;
      }
      heldBytes -= previous.data.length;
      budget.release(previous.data.length);
    }
    held.put(start, new Segment(Arrays.copyOfRange(b, offset, offset + length), missing));
    heldBytes += length;
  }

  /** The peer acknowledged up to {@code ack}: holes it acknowledged were lost from the capture. */
  void acked(int ack, long time) {
    if (!started || held.isEmpty()) {
      return;
    }
    long acked = unwrap(ack);
    while (!held.isEmpty() && acked >= held.firstKey()) {
      skipHole(time);
    }
  }

  /** The connection ended: what is held goes out, holes as gaps. */
  void flush(long time) {
    while (!held.isEmpty()) {
      skipHole(time);
    }
  }

  /** Whether the FIN of this direction has been reached in order. */
  boolean finished() {
    return fin >= 0 && next >= fin;
  }

  long duplicateBytes() {
    return duplicateBytes;
  }

  int heldBytes() {
    return heldBytes;
  }

  /** Gives up everything held without delivering it (the conversation is discarded). */
  void discard() {
    budget.release(heldBytes);
    heldBytes = 0;
    held.clear();
  }

  /** The 64-bit sequence number closest to the next expected byte. */
  private long unwrap(int seq) {
    return next + (int) (seq - (int) next);
  }

  /** Delivers the part of a segment at or after {@code next}; {@code start <= next < end}. */
  private void deliver(long start, byte[] b, int offset, int length, int missing, long time) {
    long skip = next - start;
    if (skip < length) {
      duplicateBytes += skip;
      receiver.data(b, offset + (int) skip, length - (int) skip, time);
      next = start + length;
    } else {
      duplicateBytes += length;
    }
    long end = start + length + missing;
    if (end > next) {
      receiver.gap(end - next, time);
      next = end;
    }
  }

  private void drain(long time) {
    while (!held.isEmpty() && held.firstKey() <= next) {
      Map.Entry<Long, Segment> first = held.pollFirstEntry();
      Segment s = first.getValue();
      heldBytes -= s.data.length;
      budget.release(s.data.length);
      if (s.end(first.getKey()) > next) {
        deliver(first.getKey(), s.data, 0, s.data.length, s.missing, time);
      } else {
        duplicateBytes += s.data.length;
      }
    }
  }

  private void skipHole(long time) {
    long first = held.firstKey();
    if (first > next) {
      receiver.gap(first - next, time);
      next = first;
    }
    drain(time);
  }
}
