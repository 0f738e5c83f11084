package io.isthmus.protocol.modbus.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Requests waiting for their response, by transaction id. Bounded: beyond the limit the oldest
 * is forgotten (its response, if it ever comes, is then unmatched).
 */
final class PendingRequests {
  private final int limit;
  private final LinkedHashMap<Integer, Request> byTransaction;

  PendingRequests(int limit) {
    this.limit = limit;
    this.byTransaction = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Integer, Request> eldest) {
        return size() > PendingRequests.this.limit;
      }
    };
  }

  void put(int transaction, Request request) {
    // Re-inserting moves a reused transaction id to the young end.
    Integer key = Uint16.box(transaction);
    byTransaction.remove(key);
    byTransaction.put(key, request);
  }

  /** The request a response answers: same transaction, unit and function; removed once matched. */
  @Nullable Request match(int transaction, int unit, int function) {
    Integer key = Uint16.box(transaction);
    Request r = byTransaction.get(key);
    if (r == null || r.unit() != unit || r.function() != (function & 0x7f)) {
      return null;
    }
    byTransaction.remove(key);
    return r;
  }

  int size() {
    return byTransaction.size();
  }
}
