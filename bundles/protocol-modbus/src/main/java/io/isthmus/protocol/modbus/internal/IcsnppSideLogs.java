package io.isthmus.protocol.modbus.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.Endpoint;
import java.util.List;

/**
 * ICSNPP's per-message logs beside {@code modbus_detailed}: {@code modbus_mask_write_register},
 * {@code modbus_read_write_multiple_registers} and {@code modbus_read_device_identification}, with
 * ICSNPP's own name tables (which differ from the specification in places, e.g. conformity level
 * 0x04 and the request's object id names; the events use the specification's).
 */
final class IcsnppSideLogs {
  static final String MASK_WRITE = "modbus_mask_write_register";
  static final String READ_WRITE = "modbus_read_write_multiple_registers";
  static final String DEVICE_ID = "modbus_read_device_identification";

  private final Conversation conversation;

  IcsnppSideLogs(Conversation conversation) {
    this.conversation = conversation;
  }

  /** The columns every side log starts with after {@code id.*}. */
  private Row head(boolean client, String link, int tid, int unit, int function) {
    Endpoint from = client ? conversation.client() : conversation.server();
    Endpoint to = client ? conversation.server() : conversation.client();
    Row row = new Row(16);
    row.add("is_orig", client);
    row.add("source_h", from.ip());
    row.add("source_p", from.port());
    row.add("destination_h", to.ip());
    row.add("destination_p", to.port());
    row.add("modbus_detailed_link_id", link);
    row.add("tid", tid);
    row.add("unit", unit);
    row.add("func", FunctionCodes.zeekName(function));
    row.add("request_response", client ? "REQUEST" : "RESPONSE");
    return row;
  }

  void maskWrite(long time, boolean client, String link, int tid, int unit, Pdu pdu, DecodeSink sink) {
    Row row = head(client, link, tid, unit, pdu.function());
    row.add("address", pdu.u16(1));
    row.add("and_mask", pdu.u16(3));
    row.add("or_mask", pdu.u16(5));
    sink.log(time, MASK_WRITE, row);
  }

  void readWriteRequest(long time, String link, int tid, int unit, Pdu pdu, List<Integer> written, DecodeSink sink) {
    Row row = head(true, link, tid, unit, pdu.function());
    row.add("write_start_address", pdu.u16(5));
    row.add("write_registers", written);
    row.add("read_start_address", pdu.u16(1));
    row.add("read_quantity", pdu.u16(3));
    sink.log(time, READ_WRITE, row);
  }

  void readWriteResponse(long time, String link, int tid, int unit, Pdu pdu, List<Integer> read, DecodeSink sink) {
    Row row = head(false, link, tid, unit, pdu.function());
    row.add("read_registers", read);
    sink.log(time, READ_WRITE, row);
  }

  /** A Read Device Identification request; MEI data starts at PDU offset 2. Missing bytes read as 0, as in Zeek. */
  void deviceIdRequest(long time, String link, int tid, int unit, Pdu pdu, DecodeSink sink) {
    Row row = head(true, link, tid, unit, pdu.function());
    row.add("mei_type", "READ-DEVICE-IDENTIFICATION");
    row.add("device_id_code", pdu.u8OrZero(2));
    row.add("object_id_code", hex(pdu.u8OrZero(3)));
    row.add("object_id", readObjectName(pdu.u8OrZero(3)));
    sink.log(time, DEVICE_ID, row);
  }

  /** One row per object of a Read Device Identification response, as ICSNPP writes them. */
  void deviceIdResponse(long time, String link, int tid, int unit, Pdu pdu, DecodeSink sink) {
    Row row = head(false, link, tid, unit, pdu.function());
    row.add("mei_type", "READ-DEVICE-IDENTIFICATION");
    row.add("conformity_level_code", hex(pdu.u8OrZero(3)));
    row.add("conformity_level", conformityName(pdu.u8OrZero(3)));
    row.add("device_id_code", pdu.u8OrZero(2));
    int objects = pdu.u8OrZero(6);
    int at = 7;
    for (int i = 0; i < objects; i++) {
      int id = pdu.u8OrZero(at);
      int length = pdu.u8OrZero(at + 1);
      Row object = new Row(row, 3);
      object.add("object_id_code", hex(id));
      object.add("object_id", objectName(id));
      object.add("object_value", pdu.escaped(at + 2, length));
      sink.log(time, DEVICE_ID, object);
      at += 2 + length;
    }
  }

  private static String hex(int value) {
    return String.format("0x%02x", value);
  }

  /** ICSNPP's {@code device_identification_read_object_id}, applied to the request's object id. */
  private static String readObjectName(int id) {
    return switch (id) {
      case 0 -> "Basic Device Identification";
      case 1 -> "Regular Device Identification";
      case 2 -> "Extended Device Identification";
      case 3 -> "Specific Device Identification";
      default -> "Unknown";
    };
  }

  private static String conformityName(int level) {
    return switch (level) {
      case 0x01 -> "Basic Identification (Stream)";
      case 0x02 -> "Regular Identification (Stream)";
      case 0x04 -> "Extended Identification (Stream)";
      case 0x81 -> "Basic Identification (Stream, Individual)";
      case 0x82 -> "Regular Identification (Stream, Individual)";
      case 0x83 -> "Extended Identification (Stream, Individual)";
      default -> "Unknown";
    };
  }

  /** ICSNPP's {@code device_identification_object_id} (its 0x02 is "MajorMinorVersion"). */
  private static String objectName(int id) {
    return id == 0x02 ? "MajorMinorVersion" : id <= 6 ? ModbusTables.deviceObject(id) : "Unknown";
  }
}
