package io.isthmus.protocol.modbus.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One ICSNPP {@code modbus_detailed} record while it waits for its other half; unset fields are null. */
final class DetailedRow {
  final long time;
  final int tid;
  int unit;
  final String func;
  @Nullable Integer address;
  @Nullable Integer quantity;
  @Nullable List<Integer> requestValues;
  @Nullable List<Integer> responseValues;
  @Nullable String linkId;
  @Nullable Boolean matched;
  @Nullable String requestSubfunction;
  @Nullable String responseSubfunction;
  @Nullable String requestData;
  @Nullable String responseData;
  @Nullable String exception;
  @Nullable String meiType;

  DetailedRow(long time, int tid, int unit, String func) {
    this.time = time;
    this.tid = tid;
    this.unit = unit;
    this.func = func;
  }

  /** The columns after {@code id.*}, in the log's order, set ones only. */
  Map<String, Object> columns() {
    Row row = new Row(12);
    row.add("tid", Uint16.box(tid));
    row.add("unit", Uint16.box(unit));
    row.add("func", func);
    putIfSet(row, "address", address);
    putIfSet(row, "quantity", quantity);
    putIfSet(row, "request_values", requestValues);
    putIfSet(row, "response_values", responseValues);
    putIfSet(row, "modbus_detailed_link_id", linkId);
    putIfSet(row, "matched", matched);
    putIfSet(row, "request_subfunction_code", requestSubfunction);
    putIfSet(row, "response_subfunction_code", responseSubfunction);
    putIfSet(row, "request_data", requestData);
    putIfSet(row, "response_data", responseData);
    putIfSet(row, "exception_code", exception);
    putIfSet(row, "mei_type", meiType);
    return row;
  }

  private static void putIfSet(Row row, String column, @Nullable Object value) {
    if (value != null) {
      row.add(column, value);
    }
  }
}
