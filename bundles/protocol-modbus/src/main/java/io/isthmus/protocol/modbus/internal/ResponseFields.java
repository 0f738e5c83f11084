package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.FunctionCodes.*;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes response PDUs (server to client) into ICSNPP-named fields. Where the response itself
 * does not carry them, the address and quantity come from the matched request, as ICSNPP's
 * detailed log shows them on the pair.
 */
final class ResponseFields {
  private ResponseFields() {}

  static void decode(Pdu pdu, @Nullable Request request, Fields out) {
    int function = pdu.function();
    if (request != null && request.address() >= 0) {
      out.put("address", request.address());
      if (request.quantity() >= 0) {
        out.put("quantity", request.quantity());
      }
    }
    if (request != null && request.umasCode() >= 0) {
      out.put("umas_code", String.format("0x%02x", request.umasCode()))
          .put("umas_func", ModbusTables.umas(request.umasCode()));
    }
    if (function >= 0x80) {
      if (out.lengthIs(pdu, 1)) {
        out.put("exception_code", ModbusTables.exception(pdu.u8(1)));
      }
      return;
    }
    switch (function) {
      case READ_COILS, READ_DISCRETE_INPUTS -> bits(pdu, request, out);
      case READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> registers(pdu, request, out, "response_values");
      case WRITE_SINGLE_COIL, WRITE_SINGLE_REGISTER -> {
        if (out.lengthIs(pdu, 4)) {
          int value = pdu.u16(3);
          out.put("address", pdu.u16(1)).put("quantity", 1)
              .put("response_values", List.of(function == WRITE_SINGLE_COIL ? (value == 0xff00 ? 1 : 0) : value));
        }
      }
      case READ_EXCEPTION_STATUS -> {
        if (out.lengthIs(pdu, 1)) {
          out.put("response_values", List.of(pdu.u8(1)));
        }
      }
      case DIAGNOSTICS -> {
        if (out.lengthAtLeast(pdu, 2)) {
          out.put("response_subfunction_code", ModbusTables.diagnosticSubfunction(pdu.u16(1)))
              .put("response_data", pdu.escaped(3, pdu.dataLength() - 2));
        }
      }
      case GET_COMM_EVENT_COUNTER -> {
        if (out.lengthIs(pdu, 4)) {
          out.put("status", pdu.u16(1)).put("event_count", pdu.u16(3));
        }
      }
      case GET_COMM_EVENT_LOG -> {
        if (out.lengthAtLeast(pdu, 7) && byteCountIs(pdu, out, pdu.u8(1), pdu.dataLength() - 1)) {
          out.put("status", pdu.u16(2)).put("event_count", pdu.u16(4)).put("message_count", pdu.u16(6))
              .put("response_data", pdu.escaped(8, pdu.dataLength() - 7));
        }
      }
      case WRITE_MULTIPLE_COILS, WRITE_MULTIPLE_REGISTERS -> {
        if (out.lengthIs(pdu, 4)) {
          out.put("address", pdu.u16(1)).put("quantity", pdu.u16(3));
        }
      }
      case REPORT_SLAVE_ID, READ_FILE_RECORD, WRITE_FILE_RECORD -> {
        if (out.lengthAtLeast(pdu, 1) && byteCountIs(pdu, out, pdu.u8(1), pdu.dataLength() - 1)
            && pdu.dataLength() > 1) {
          out.put("response_data", pdu.escaped(2, pdu.dataLength() - 1));
        }
      }
      case MASK_WRITE_REGISTER -> {
        if (out.lengthIs(pdu, 6)) {
          out.put("address", pdu.u16(1)).put("and_mask", pdu.u16(3)).put("or_mask", pdu.u16(5));
        }
      }
      case READ_WRITE_MULTIPLE_REGISTERS -> {
        if (request != null && request.readAddress() >= 0) {
          out.put("read_start_address", request.readAddress()).put("read_quantity", request.readQuantity());
        }
        registers(pdu, request == null ? null : request.withRange(-1, request.readQuantity()), out, "read_registers");
      }
      case READ_FIFO_QUEUE -> fifo(pdu, out);
      case ENCAP_INTERFACE_TRANSPORT -> encapsulated(pdu, out);
      case PROGRAM_UNITY -> {
        if (out.lengthAtLeast(pdu, 2)) {
          out.put("umas_session", pdu.u8(1)).put("umas_status", ModbusTables.umasStatus(pdu.u8(2)));
          if (pdu.dataLength() > 2) {
            out.put("response_data", pdu.escaped(3, pdu.dataLength() - 2));
          }
        }
      }
      default -> {
        if (pdu.dataLength() > 0) {
          out.put("response_data", pdu.escaped(1, pdu.dataLength()));
        }
      }
    }
  }

  private static boolean byteCountIs(Pdu pdu, Fields out, int byteCount, int actual) {
    if (byteCount == actual) {
      return true;
    }
    out.malformed("modbus_bad_byte_count", name(pdu.function()) + " response has byte count " + byteCount
        + " and " + actual + " bytes after it");
    return false;
  }

  /** Coils or discrete inputs: as many bits as the request asked for, else every bit sent. */
  private static void bits(Pdu pdu, @Nullable Request request, Fields out) {
    if (!out.lengthAtLeast(pdu, 1)) {
      return;
    }
    int byteCount = pdu.u8(1);
    int available = Math.min(byteCount, pdu.dataLength() - 1);
    byteCountIs(pdu, out, byteCount, pdu.dataLength() - 1);
    int count = available * 8;
    if (request != null && request.quantity() > 0) {
      if (byteCount != (request.quantity() + 7) / 8) {
        out.malformed("modbus_bad_byte_count", name(pdu.function()) + " response has " + byteCount
            + " bytes for the " + request.quantity() + " items asked for");
      }
      count = Math.min(count, request.quantity());
    }
    out.put("response_values", pdu.bits(2, count));
  }

  private static void registers(Pdu pdu, @Nullable Request request, Fields out, String field) {
    if (!out.lengthAtLeast(pdu, 1)) {
      return;
    }
    int byteCount = pdu.u8(1);
    int available = Math.min(byteCount, pdu.dataLength() - 1);
    if (byteCountIs(pdu, out, byteCount, pdu.dataLength() - 1) && byteCount % 2 != 0) {
      out.malformed("modbus_bad_byte_count", name(pdu.function()) + " response has an odd byte count " + byteCount);
    }
    if (request != null && request.quantity() > 0 && byteCount != 2 * request.quantity()) {
      out.malformed("modbus_bad_byte_count", name(pdu.function()) + " response has " + byteCount
          + " bytes for the " + request.quantity() + " registers asked for");
    }
    out.put(field, pdu.registers(2, available / 2));
  }

  private static void fifo(Pdu pdu, Fields out) {
    if (!out.lengthAtLeast(pdu, 4)) {
      return;
    }
    int byteCount = pdu.u16(1);
    int count = pdu.u16(3);
    if (byteCount != pdu.dataLength() - 2 || byteCount != 2 + 2 * count || count > 31) {
      out.malformed("modbus_bad_byte_count", "READ_FIFO_QUEUE response has byte count " + byteCount + ", "
          + count + " values and " + (pdu.dataLength() - 2) + " bytes");
    }
    out.put("quantity", count).put("response_values", pdu.registers(5, Math.min(count, (pdu.dataLength() - 4) / 2)));
  }

  private static void encapsulated(Pdu pdu, Fields out) {
    if (!out.lengthAtLeast(pdu, 1)) {
      return;
    }
    int type = pdu.u8(1);
    out.put("mei_type", ModbusTables.meiType(type));
    if (type != ModbusTables.MEI_READ_DEVICE_ID) {
      if (pdu.dataLength() > 1) {
        out.put("response_data", pdu.escaped(2, pdu.dataLength() - 1));
      }
      return;
    }
    if (!out.lengthAtLeast(pdu, 6)) {
      return;
    }
    int level = pdu.u8(3);
    out.put("device_id_code", pdu.u8(2)).put("device_id", ModbusTables.readDeviceIdCode(pdu.u8(2)))
        .put("conformity_level_code", String.format("0x%02x", level))
        .put("conformity_level", ModbusTables.conformityLevel(level))
        .put("more_follows", pdu.u8(4) == 0xff).put("next_object_id", pdu.u8(5));
    int objects = pdu.u8(6);
    Map<String, String> values = new LinkedHashMap<>();
    int at = 7;
    for (int i = 0; i < objects; i++) {
      if (at + 2 > pdu.length() || at + 2 + pdu.u8(at + 1) > pdu.length()) {
        out.malformed("modbus_bad_pdu_length", "READ_DEVICE_IDENTIFICATION response ends inside object " + (i + 1)
            + " of " + objects);
        break;
      }
      int length = pdu.u8(at + 1);
      String value = pdu.latin1(at + 2, length);
      values.put(ModbusTables.deviceObject(pdu.u8(at)), value);
      String field = ModbusTables.deviceObjectField(pdu.u8(at));
      if (field != null) {
        out.put(field, value);
      }
      at += 2 + length;
    }
    out.put("number_of_objects", objects).put("objects", Collections.unmodifiableMap(values));
  }
}
