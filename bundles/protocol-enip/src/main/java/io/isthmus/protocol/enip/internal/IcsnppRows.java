package io.isthmus.protocol.enip.internal;

import java.util.Map;

/**
 * {@code cip} rows as ICSNPP writes them: request rows with the class, instance and attribute of
 * its reading of the path, reply rows with status and its reading of the extended status, and no
 * row for a message its parser rejects.
 */
final class IcsnppRows {
  private IcsnppRows() {}

  /** Whether ICSNPP's parser accepts the service data it reads before writing the row. */
  static boolean parses(CipMessage m) {
    int length = m.dataLength();
    return switch (m.service()) {
      case 0x03, 0x0a, 0x8a -> length >= 2 && 2 + 2 * Le.u16(m.buffer(), m.dataStart()) <= length;
      case 0x04, 0x83, 0x84 -> length >= 2;
      default -> true;
    };
  }

  /** Writes the row of {@code m}; a reply embedded in a Multiple Service Packet shows no extended status. */
  static void cip(CipMessage m, Pdu pdu, int sequence, boolean embedded) {
    Map<String, Object> row = pdu.row();
    if (sequence > 0) {
      row.put("cip_sequence_count", sequence);
    }
    row.put("direction", m.response() ? "response" : "request");
    row.put("cip_service_code", Le.hex0x(m.code(), 2));
    row.put("cip_service", NameTable.CIP_SERVICES.name(m.code()));
    if (m.response()) {
      row.put("cip_status_code", Le.hex0x(m.status(), 2));
      row.put("cip_status", NameTable.CIP_STATUSES.name(m.status()));
      if (!embedded && m.icsnppExtendedStatus() >= 0) {
        row.put("cip_extended_status_code", Le.hex0x(m.icsnppExtendedStatus(), 4));
        row.put("cip_extended_status", NameTable.CIP_EXTENDED_STATUSES.name(m.icsnppExtendedStatus()));
      }
    } else {
      long[] ids = IcsnppPath.parse(m.buffer(), m.pathStart(), m.pathEnd());
      if (ids[0] >= 0) {
        row.put("class_id", Le.hex0x(ids[0], 2));
        row.put("class_name", NameTable.CIP_CLASSES.name(ids[0]));
      }
      if (ids[1] >= 0) {
        row.put("instance_id", Le.hex0x(ids[1], 2));
      }
      if (ids[2] >= 0) {
        row.put("attribute_id", Le.hex0x(ids[2], 2));
      }
    }
    pdu.log("cip", row);
  }
}
