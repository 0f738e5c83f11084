package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.FunctionCodes.WRITE_FILE_RECORD;

import org.jspecify.annotations.Nullable;

/**
 * Read and Write File Record sub-requests as Zeek's grammar reads them: a byte count, then
 * references filling exactly that many bytes (a reference cut short rejects the PDU).
 */
final class FileRecords {
  private FileRecords() {}

  /** How many references a request carries, or -1 if the grammar rejects it. Byte count at PDU offset 1. */
  static int requests(Pdu pdu) {
    int end = 2 + pdu.u8(1);
    int at = 2;
    int count = 0;
    boolean write = pdu.function() == WRITE_FILE_RECORD;
    while (at < end) {
      if (end - at < 7) {
        return -1;
      }
      at += 7 + (write ? 2 * pdu.u16(at + 5) : 0);
      if (at > end) {
        return -1;
      }
      count++;
    }
    return count;
  }

  /**
   * A response's references as ICSNPP's {@code response_data}: each Zeek record formatted with
   * {@code %s}, joined by {@code " | "}; null if the grammar rejects the PDU.
   */
  static @Nullable String responseData(Pdu pdu) {
    int end = 2 + pdu.u8(1);
    int at = 2;
    StringBuilder out = new StringBuilder();
    boolean write = pdu.function() == WRITE_FILE_RECORD;
    while (at < end) {
      String reference;
      if (write) {
        if (end - at < 7 || end - at < 7 + 2 * pdu.u16(at + 5)) {
          return null;
        }
        int length = pdu.u16(at + 5);
        reference = "[ref_type=" + pdu.u8(at) + ", file_num=" + pdu.u16(at + 1) + ", record_num=" + pdu.u16(at + 3)
            + ", record_length=" + length + ", record_data=" + pdu.escaped(at + 7, 2 * length) + "]";
        at += 7 + 2 * length;
      } else {
        if (end - at < 2 || end - at < 2 + pdu.u8(at)) {
          return null;
        }
        int length = pdu.u8(at);
        reference = "[file_len=" + length + ", ref_type=" + pdu.u8(at + 1) + ", record_data="
            + pdu.escaped(at + 2, length) + "]";
        at += 2 + length;
      }
      out.append(out.length() == 0 ? "" : " | ").append(reference);
    }
    return out.toString();
  }
}
