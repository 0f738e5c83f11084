package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.FunctionCodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decodes request PDUs (client to server) into ICSNPP-named fields. */
final class RequestFields {
  private RequestFields() {}

  /** Decodes {@code pdu} into {@code out}; returns what its response will need. */
  static Request decode(Pdu pdu, int unit, Fields out) {
    int function = pdu.function();
    Request request = Request.of(function, unit);
    switch (function) {
      case READ_COILS, READ_DISCRETE_INPUTS, READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> {
        if (out.lengthIs(pdu, 4)) {
          int address = pdu.u16(1);
          int quantity = pdu.u16(3);
          out.put("address", address).put("quantity", quantity);
          int max = function <= READ_DISCRETE_INPUTS ? 2000 : 125;
          if (quantity < 1 || quantity > max) {
            out.malformed("modbus_bad_quantity", name(function) + " asks for " + quantity + " items, not 1-" + max);
          }
          request = request.withRange(address, quantity);
        }
      }
      case WRITE_SINGLE_COIL -> {
        if (out.lengthIs(pdu, 4)) {
          out.put("address", pdu.u16(1)).put("quantity", 1).put("request_values", List.of(coil(pdu, out)));
          request = request.withRange(pdu.u16(1), 1);
        }
      }
      case WRITE_SINGLE_REGISTER -> {
        if (out.lengthIs(pdu, 4)) {
          out.put("address", pdu.u16(1)).put("quantity", 1).put("request_values", List.of(pdu.u16(3)));
          request = request.withRange(pdu.u16(1), 1);
        }
      }
      case READ_EXCEPTION_STATUS, GET_COMM_EVENT_COUNTER, GET_COMM_EVENT_LOG, REPORT_SLAVE_ID -> out.lengthIs(pdu, 0);
      case DIAGNOSTICS -> {
        if (out.lengthAtLeast(pdu, 2)) {
          out.put("request_subfunction_code", ModbusTables.diagnosticSubfunction(pdu.u16(1)))
              .put("request_data", pdu.escaped(3, pdu.dataLength() - 2));
        }
      }
      case WRITE_MULTIPLE_COILS, WRITE_MULTIPLE_REGISTERS -> request = writeMultiple(pdu, out, request);
      case READ_FILE_RECORD, WRITE_FILE_RECORD -> fileRecords(pdu, out);
      case MASK_WRITE_REGISTER -> {
        if (out.lengthIs(pdu, 6)) {
          out.put("address", pdu.u16(1)).put("and_mask", pdu.u16(3)).put("or_mask", pdu.u16(5));
          request = request.withRange(pdu.u16(1), -1);
        }
      }
      case READ_WRITE_MULTIPLE_REGISTERS -> request = readWriteMultiple(pdu, out, request);
      case READ_FIFO_QUEUE -> {
        if (out.lengthIs(pdu, 2)) {
          out.put("address", pdu.u16(1));
          request = request.withRange(pdu.u16(1), -1);
        }
      }
      case ENCAP_INTERFACE_TRANSPORT -> encapsulated(pdu, out);
      case PROGRAM_UNITY -> {
        if (out.lengthAtLeast(pdu, 2)) {
          out.put("umas_session", pdu.u8(1)).put("umas_code", String.format("0x%02x", pdu.u8(2)))
              .put("umas_func", ModbusTables.umas(pdu.u8(2)));
          if (pdu.dataLength() > 2) {
            out.put("request_data", pdu.escaped(3, pdu.dataLength() - 2));
          }
          request = request.withUmas(pdu.u8(2));
        }
      }
      default -> {
        if (pdu.dataLength() > 0) {
          out.put("request_data", pdu.escaped(1, pdu.dataLength()));
        }
      }
    }
    return request;
  }

  private static int coil(Pdu pdu, Fields out) {
    int value = pdu.u16(3);
    if (value != 0xff00 && value != 0x0000) {
      out.malformed("modbus_bad_coil_value", String.format("WRITE_SINGLE_COIL with value 0x%04x, not 0xff00 or 0", value));
    }
    return value == 0xff00 ? 1 : 0;
  }

  private static Request writeMultiple(Pdu pdu, Fields out, Request request) {
    if (!out.lengthAtLeast(pdu, 5)) {
      return request;
    }
    boolean coils = pdu.function() == WRITE_MULTIPLE_COILS;
    int address = pdu.u16(1);
    int quantity = pdu.u16(3);
    int byteCount = pdu.u8(5);
    out.put("address", address).put("quantity", quantity);
    int expected = coils ? (quantity + 7) / 8 : 2 * quantity;
    if (byteCount != pdu.dataLength() - 5 || byteCount != expected) {
      out.malformed("modbus_bad_byte_count", name(pdu.function()) + " of " + quantity + " items has byte count "
          + byteCount + " and " + (pdu.dataLength() - 5) + " value bytes");
    }
    int available = Math.min(byteCount, pdu.dataLength() - 5);
    out.put("request_values", coils
        ? pdu.bits(6, Math.min(quantity, available * 8))
        : pdu.registers(6, Math.min(quantity, available / 2)));
    return request.withRange(address, quantity);
  }

  private static Request readWriteMultiple(Pdu pdu, Fields out, Request request) {
    if (!out.lengthAtLeast(pdu, 9)) {
      return request;
    }
    int readAddress = pdu.u16(1);
    int readQuantity = pdu.u16(3);
    int writeAddress = pdu.u16(5);
    int writeQuantity = pdu.u16(7);
    int byteCount = pdu.u8(9);
    if (byteCount != pdu.dataLength() - 9 || byteCount != 2 * writeQuantity) {
      out.malformed("modbus_bad_byte_count", "READ_WRITE_MULTIPLE_REGISTERS writing " + writeQuantity
          + " registers has byte count " + byteCount + " and " + (pdu.dataLength() - 9) + " value bytes");
    }
    out.put("read_start_address", readAddress).put("read_quantity", readQuantity)
        .put("write_start_address", writeAddress)
        .put("write_registers", pdu.registers(10, Math.min(writeQuantity, (pdu.dataLength() - 9) / 2)));
    return request.withRead(readAddress, readQuantity);
  }

  /** Read and Write File Record: sub-requests of reference type 6, file, record and length. */
  private static void fileRecords(Pdu pdu, Fields out) {
    if (!out.lengthAtLeast(pdu, 1)) {
      return;
    }
    int byteCount = pdu.u8(1);
    if (byteCount != pdu.dataLength() - 1) {
      out.malformed("modbus_bad_byte_count", name(pdu.function()) + " has byte count " + byteCount + " and "
          + (pdu.dataLength() - 1) + " bytes of sub-requests");
    }
    boolean write = pdu.function() == WRITE_FILE_RECORD;
    List<Map<String, Integer>> records = new ArrayList<>();
    int at = 2;
    int limit = 2 + Math.min(byteCount, pdu.dataLength() - 1);
    while (at + 7 <= limit) {
      int length = pdu.u16(at + 5);
      records.add(Map.of("file_number", pdu.u16(at + 1), "record_number", pdu.u16(at + 3), "record_length", length));
      at += 7 + (write ? 2 * length : 0);
    }
    out.put("file_records", records).put("quantity", records.size());
  }

  private static void encapsulated(Pdu pdu, Fields out) {
    if (!out.lengthAtLeast(pdu, 1)) {
      return;
    }
    int type = pdu.u8(1);
    out.put("mei_type", ModbusTables.meiType(type));
    if (type == ModbusTables.MEI_READ_DEVICE_ID) {
      if (out.lengthIs(pdu, 3)) {
        out.put("device_id_code", pdu.u8(2)).put("device_id", ModbusTables.readDeviceIdCode(pdu.u8(2)))
            .put("object_id_code", String.format("0x%02x", pdu.u8(3)))
            .put("object_id", ModbusTables.deviceObject(pdu.u8(3)));
      }
    } else if (pdu.dataLength() > 1) {
      out.put("request_data", pdu.escaped(2, pdu.dataLength() - 1));
    }
  }
}
