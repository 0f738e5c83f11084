package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.DecodeSink;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Transport-function reassembly (IEEE 1815 clause 8): joins the segments of one application
 * fragment, per direction and source/destination address pair, by their FIR, FIN and 6-bit
 * sequence number. A segment out of sequence or without a first segment is a weird and drops
 * what was gathered. Fragments and the number of pairs in progress are bounded.
 */
final class TransportReassembler {
  static final int FIN = 0x80;
  static final int FIR = 0x40;
  /** Largest fragment kept; IEEE 1815 devices default to 2048 octets, and configure more only rarely. */
  static final int MAX_FRAGMENT = 16_384;
  /** Address pairs with a fragment in progress, per conversation. */
  static final int MAX_PAIRS = 32;

  /** One address pair in one direction. */
  record Pair(boolean fromClient, int source, int destination) {
    @Override
    public String toString() {
      return source + "->" + destination;
    }
  }

  /** A complete fragment and the number of segments it came in. */
  record Fragment(byte[] bytes, int segments) {}

  private static final class Partial {
    byte[] bytes = new byte[256];
    int length;
    int nextSequence;
    int lastSequence;
    int segments;

    void append(byte[] data, int from, int count) {
      if (length + count > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
      }
      System.arraycopy(data, from, bytes, length, count);
      length += count;
    }
  }

  private final Map<Pair, Partial> partials = new LinkedHashMap<>();
  private boolean orphan;

  /** Whether the last segment offered had no first segment before it. */
  boolean lastWasOrphan() {
    return orphan;
  }

  /**
   * Adds one segment: {@code data[0]} is the transport header, the rest application bytes.
   * Returns the fragment the segment completes, or {@code null}.
   */
  @Nullable Fragment offer(Pair pair, byte[] data, long time, DecodeSink sink) {
    int header = data[0] & 0xff;
    int sequence = header & 0x3f;
    boolean first = (header & FIR) != 0;
    Partial partial = partials.get(pair);
    orphan = !first && partial == null;
    if (first) {
      if (partial != null) {
        sink.weird(time, "dnp3_transport_fragment_incomplete", "a new fragment (FIR, sequence " + sequence + ") from "
            + pair + " before the previous one's final segment; " + partial.length + " bytes of it dropped");
      }
      partial = new Partial();
      putBounded(pair, partial, time, sink);
    } else if (partial == null) {
      sink.weird(time, "dnp3_first_application_layer_chunk_missing", "transport segment " + sequence + " from " + pair
          + " without FIR and no fragment in progress; dropped");
      return null;
    } else if (sequence == partial.lastSequence) {
      sink.weird(time, "dnp3_transport_duplicate_segment", "transport segment " + sequence + " from " + pair
          + " repeated (a link-layer retransmission); the copy is ignored");
      return null;
    } else if (sequence != partial.nextSequence) {
      partials.remove(pair);
      sink.weird(time, "dnp3_transport_out_of_sequence", "transport segment " + sequence + " from " + pair + " where "
          + partial.nextSequence + " was expected; " + partial.length + " bytes of the fragment dropped");
      return null;
    }
    if (partial.length + data.length - 1 > MAX_FRAGMENT) {
      partials.remove(pair);
      sink.weird(time, "dnp3_fragment_too_long", "fragment from " + pair + " exceeds " + MAX_FRAGMENT
          + " bytes; dropped");
      return null;
    }
    partial.append(data, 1, data.length - 1);
    partial.segments++;
    partial.lastSequence = sequence;
    partial.nextSequence = (sequence + 1) & 0x3f;
    if ((header & FIN) == 0) {
      return null;
    }
    partials.remove(pair);
    return new Fragment(Arrays.copyOf(partial.bytes, partial.length), partial.segments);
  }

  /** Drops the fragment in progress for {@code pair} (a segment of it was lost to a bad CRC). */
  void discard(Pair pair, long time, DecodeSink sink, String why) {
    Partial partial = partials.remove(pair);
    if (partial != null) {
      sink.weird(time, "dnp3_transport_fragment_incomplete", why + "; " + partial.length + " bytes of the fragment from "
          + pair + " in progress dropped");
    }
  }

  /** Drops every fragment in progress in one direction (bytes of it were not captured). */
  void discardDirection(boolean fromClient) {
    partials.keySet().removeIf(pair -> pair.fromClient() == fromClient);
  }

  private void putBounded(Pair pair, Partial partial, long time, DecodeSink sink) {
    partials.put(pair, partial);
    if (partials.size() > MAX_PAIRS) {
      Iterator<Map.Entry<Pair, Partial>> eldest = partials.entrySet().iterator();
      Map.Entry<Pair, Partial> dropped = eldest.next();
      eldest.remove();
      sink.weird(time, "dnp3_too_many_fragments_in_progress", MAX_PAIRS + " address pairs with unfinished fragments;"
          + " the oldest, from " + dropped.getKey() + ", dropped");
    }
  }
}
