package io.isthmus.protocol.enip.internal;

import io.isthmus.api.event.Direction;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * CIP class 0/1 connected I/O over UDP: a Common Packet Format with a sequenced (or connected)
 * address item and a connected data item. One event and one {@code cip_io} row per datagram.
 */
final class CipIo {
  private static final int DATA_SHOWN = 64;

  private CipIo() {}

  /** A datagram that starts with a small item count and an address item for connected data. */
  static boolean looksLikeIo(ByteBuffer b, int start, int end) {
    if (end - start < 6) {
      return false;
    }
    int count = Le.u16(b, start);
    int type = Le.u16(b, start + 2);
    return count >= 1 && count <= 4 && (type == Cpf.SEQUENCED_ADDRESS || type == Cpf.CONNECTED_ADDRESS);
  }

  static void decode(ByteBuffer b, int start, int end, Pdu pdu) {
    Cpf cpf = Cpf.parse(b, start, end);
    Map<String, Object> f = pdu.fields();
    long connection = -1;
    long sequence = -1;
    Cpf.Item data = null;
    for (Cpf.Item item : cpf.items()) {
      if (item.type() == Cpf.SEQUENCED_ADDRESS && item.length() >= 8) {
        connection = Le.u32(b, item.start());
        sequence = Le.u32(b, item.start() + 4);
      } else if (item.type() == Cpf.CONNECTED_ADDRESS && item.length() >= 4) {
        connection = Le.u32(b, item.start());
      } else if (item.type() == Cpf.CONNECTED_DATA && data == null) {
        data = item;
      }
    }
    String problem = cpf.error();
    if (problem == null && (connection < 0 || data == null)) {
      problem = "no " + (connection < 0 ? "connection address" : "connected data") + " item";
    }
    if (connection >= 0) {
      f.put("connection_id", Le.hex0x(connection, 8));
    }
    if (sequence >= 0) {
      f.put("sequence_number", sequence);
    }
    if (data != null) {
      f.put("data_length", data.length());
      f.put("io_data", Le.hex(b, data.start(), Math.min(data.length(), DATA_SHOWN)));
      if (data.length() > DATA_SHOWN) {
        f.put("io_data_truncated", true);
      }
      if (pdu.wantsLogs() && connection >= 0) {
        Map<String, Object> row = pdu.row();
        row.put("connection_id", Le.hex0x(connection, 8));
        if (sequence >= 0) {
          row.put("sequence_number", sequence);
        }
        row.put("data_length", data.length());
        row.put("io_data", Le.hex(b, data.start(), data.length()));
        pdu.log("cip_io", row);
      }
    }
    if (problem != null) {
      pdu.weird("cip_io_malformed", problem);
    }
    pdu.emit("CIP_IO", Direction.UNSOLICITED, f, problem);
  }
}
