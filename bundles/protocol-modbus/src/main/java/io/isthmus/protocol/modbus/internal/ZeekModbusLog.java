package io.isthmus.protocol.modbus.internal;

import io.isthmus.api.decode.DecodeSink;

/**
 * Zeek's stock {@code modbus} log (scripts/base/protocols/modbus/main.zeek): one row per PDU whose
 * header parsed, with tid, unit, function ({@code build_func}) and REQ or RESP; an exception
 * response is logged once its exception code is read, with that code's name. A PDU from the client
 * with an exception function code, or an exception response without its code byte, gives no row.
 */
final class ZeekModbusLog {
  static final String PATH = "modbus";

  private ZeekModbusLog() {}

  static void write(long time, int tid, int unit, Pdu pdu, boolean client, DecodeSink sink) {
    int function = pdu.function();
    if (function < 0x80) {
      writeHeader(time, tid, unit, function, client, sink);
    } else if (!client && pdu.dataLength() >= 1) {
      Row row = row(tid, unit, function, false);
      row.add("exception", ModbusTables.exception(pdu.u8(1)));
      sink.log(time, PATH, row);
    }
  }

  /** The row of a non-exception PDU, written once its header is read. */
  static void writeHeader(long time, int tid, int unit, int function, boolean client, DecodeSink sink) {
    sink.log(time, PATH, row(tid, unit, function, client));
  }

  private static Row row(int tid, int unit, int function, boolean client) {
    Row row = new Row(5);
    row.add("tid", Uint16.box(tid));
    row.add("unit", Uint16.box(unit));
    row.add("func", FunctionCodes.zeekFunc(function));
    row.add("pdu_type", client ? "REQ" : "RESP");
    return row;
  }
}
