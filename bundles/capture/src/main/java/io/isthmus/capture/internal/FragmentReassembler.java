package io.isthmus.capture.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Puts IPv4 and IPv6 fragments back together. Bounded: datagrams in progress, bytes held, and a
 * timeout in capture time; what a bound drops is reported as a weird. Where fragments overlap,
 * the bytes that arrived first are kept.
 */
final class FragmentReassembler {
  static final int MAX_DATAGRAM = 65_535;

  /** Identifies one fragmented datagram: addresses, IP identification and protocol. */
  record Key(byte[] source, byte[] destination, int id, int protocol) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && id == k.id && protocol == k.protocol
          && Arrays.equals(source, k.source) && Arrays.equals(destination, k.destination);
    }

    @Override
    public int hashCode() {
      return (Arrays.hashCode(source) * 31 + Arrays.hashCode(destination)) * 31 + id * 7 + protocol;
    }

    @Override
    public String toString() {
      return "id " + Integer.toUnsignedString(id) + " from " + InetText.address(source) + " to "
          + InetText.address(destination);
    }
  }

  private static final class Datagram {
    final long started;
    final TreeMap<Integer, byte[]> pieces = new TreeMap<>();
    int total = -1;
    int held;

    Datagram(long started) {
      this.started = started;
    }
  }

  private final Map<Key, Datagram> pending = new LinkedHashMap<>();
  private final Weirds weirds;
  private final int maxDatagrams;
  private final long maxBytes;
  private final long timeoutMicros;
  private long held;

  FragmentReassembler(Weirds weirds, int maxDatagrams, long maxBytes, long timeoutMicros) {
    this.weirds = weirds;
    this.maxDatagrams = maxDatagrams;
    this.maxBytes = maxBytes;
    this.timeoutMicros = timeoutMicros;
  }

  /**
   * Adds one fragment: {@code length} payload bytes at {@code offset} within the datagram.
   *
   * @return the whole payload once the last missing piece arrives, else {@code null}
   */
  byte @Nullable [] add(Key key, int offset, byte[] data, int from, int length, boolean more, long now) {
    expire(now);
    if (offset + length > MAX_DATAGRAM) {
      weirds.report(now, "fragment_too_large", "a fragment of " + key + " reaches byte " + (offset + length));
      drop(key);
      return null;
    }
    Datagram d = pending.get(key);
    if (d == null) {
      if (pending.size() >= maxDatagrams) {
        evictOldest(now);
      }
      d = new Datagram(now);
      pending.put(key, d);
    }
    if (!more) {
      int end = offset + length;
      if (d.total >= 0 && d.total != end) {
        weirds.report(now, "fragment_inconsistency", "two last fragments of " + key + " end at " + d.total
            + " and " + end);
      } else {
        d.total = end;
      }
    }
    insert(key, d, offset, data, from, length, now);
    while (held > maxBytes && !pending.isEmpty()) {
      evictOldest(now);
    }
    if (!pending.containsKey(key) || !complete(d)) {
      return null;
    }
    pending.remove(key);
    held -= d.held;
    byte[] whole = new byte[d.total];
    for (Map.Entry<Integer, byte[]> e : d.pieces.entrySet()) {
      int at = e.getKey();
      System.arraycopy(e.getValue(), 0, whole, at, Math.min(e.getValue().length, d.total - at));
    }
    return whole;
  }

  /** Stores the parts of [offset, offset + length) no earlier fragment covered. */
  private void insert(Key key, Datagram d, int offset, byte[] data, int from, int length, long now) {
    int end = offset + length;
    int pos = offset;
    List<int[]> gaps = new ArrayList<>();
    Integer first = d.pieces.floorKey(offset);
    for (Map.Entry<Integer, byte[]> e : d.pieces.tailMap(first == null ? offset : first, true).entrySet()) {
      int start = e.getKey();
      int stop = start + e.getValue().length;
      if (start >= end) {
        break;
      }
      if (stop <= pos) {
        continue;
      }
      if (start > pos) {
        gaps.add(new int[] {pos, start});
      }
      int from2 = Math.max(pos, start);
      int to2 = Math.min(end, stop);
      if (!Arrays.equals(data, from + from2 - offset, from + to2 - offset, e.getValue(), from2 - start, to2 - start)) {
        weirds.report(now, "fragment_overlap", "fragments of " + key + " overlap at bytes " + from2 + "-" + to2
            + " with different content; the first is kept");
      }
      pos = Math.max(pos, stop);
    }
    if (pos < end) {
      gaps.add(new int[] {pos, end});
    }
    for (int[] g : gaps) {
      d.pieces.put(g[0], Arrays.copyOfRange(data, from + g[0] - offset, from + g[1] - offset));
      d.held += g[1] - g[0];
      held += g[1] - g[0];
    }
  }

  private static boolean complete(Datagram d) {
    if (d.total < 0) {
      return false;
    }
    int expected = 0;
    for (Map.Entry<Integer, byte[]> e : d.pieces.entrySet()) {
      if (e.getKey() > expected) {
        return false;
      }
      expected = Math.max(expected, e.getKey() + e.getValue().length);
      if (expected >= d.total) {
        return true;
      }
    }
    return expected >= d.total;
  }

  /** Drops datagrams whose first fragment is older than the timeout. */
  void expire(long now) {
    Iterator<Map.Entry<Key, Datagram>> it = pending.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Key, Datagram> e = it.next();
      if (now - e.getValue().started <= timeoutMicros) {
        break;
      }
      weirds.report(now, "fragment_timeout", "datagram " + e.getKey() + " was not complete within "
          + timeoutMicros / 1_000_000 + " s");
      held -= e.getValue().held;
      it.remove();
    }
  }

  private void evictOldest(long now) {
    Iterator<Map.Entry<Key, Datagram>> it = pending.entrySet().iterator();
    Map.Entry<Key, Datagram> e = it.next();
    weirds.report(now, "fragment_table_full", "datagram " + e.getKey() + " dropped to stay within "
        + maxDatagrams + " datagrams and " + maxBytes + " bytes");
    held -= e.getValue().held;
    it.remove();
  }

  private void drop(Key key) {
    Datagram d = pending.remove(key);
    if (d != null) {
      held -= d.held;
    }
  }
}
