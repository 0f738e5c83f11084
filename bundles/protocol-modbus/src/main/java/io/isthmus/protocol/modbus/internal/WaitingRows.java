package io.isthmus.protocol.modbus.internal;

import io.isthmus.api.decode.DecodeSink;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Detailed rows waiting for their other half, by transaction id. A new row with a waiting row's id
 * replaces it (ICSNPP loses the old one); beyond the limit the oldest is logged unmatched.
 */
final class WaitingRows {
  private final int limit;
  private final LinkedHashMap<Integer, DetailedRow> byTransaction = new LinkedHashMap<>();

  WaitingRows(int limit) {
    this.limit = limit;
  }

  @Nullable DetailedRow get(int tid) {
    return byTransaction.get(Uint16.box(tid));
  }

  void put(int tid, DetailedRow row, DecodeSink sink, IcsnppLogs logs) {
    Integer key = Uint16.box(tid);
    byTransaction.remove(key);
    byTransaction.put(key, row);
    if (byTransaction.size() > limit) {
      Iterator<DetailedRow> oldest = byTransaction.values().iterator();
      DetailedRow evicted = oldest.next();
      oldest.remove();
      logs.unmatched(evicted, sink);
    }
  }

  void remove(int tid) {
    byTransaction.remove(Uint16.box(tid));
  }

  void drain(Consumer<DetailedRow> each) {
    new ArrayList<>(byTransaction.values()).forEach(each);
    byTransaction.clear();
  }
}
