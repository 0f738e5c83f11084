package io.isthmus.model.semantics.internal;

import io.isthmus.api.event.TelemetryEvent;
import java.util.Set;

/** Which requests write to a device and which command it as a master, for the new-writer and new-master rules. */
final class Commands {
  private static final Set<String> MODBUS_WRITES = Set.of("WRITE_SINGLE_COIL", "WRITE_SINGLE_REGISTER",
      "WRITE_MULTIPLE_COILS", "WRITE_MULTIPLE_REGISTERS", "MASK_WRITE_REGISTER", "READ_WRITE_MULTIPLE_REGISTERS",
      "WRITE_FILE_RECORD", "UMAS_WRITE_VARIABLES", "UMAS_WRITE_COILS_REGISTERS", "UMAS_WRITE_IO_OBJECT");
  private static final Set<String> CIP_WRITES = Set.of("WRITE_TAG", "WRITE_TAG_FRAGMENTED", "READ_MODIFY_WRITE_TAG",
      "SET_ATTRIBUTE_SINGLE", "SET_ATTRIBUTE_LIST", "SET_ATTRIBUTES_ALL", "SET_MEMBER");
  private static final Set<String> BACNET_WRITES = Set.of("WRITE_PROPERTY", "WRITE_PROPERTY_MULTIPLE",
      "ATOMIC_WRITE_FILE", "ADD_LIST_ELEMENT", "REMOVE_LIST_ELEMENT", "WRITE_GROUP");
  /** DNP3 requests that change outputs or values: controls (select/operate, direct operate) and writes. */
  private static final Set<String> DNP3_CONTROLS = Set.of("SELECT", "OPERATE", "DIRECT_OPERATE", "DIRECT_OPERATE_NR",
      "WRITE");

  private Commands() {}

  /** Whether a request writes values into the device (Modbus, CIP, BACnet). */
  static boolean isWrite(TelemetryEvent e) {
    return switch (e.protocol()) {
      case "modbus" -> MODBUS_WRITES.contains(e.operation());
      case "enip" -> CIP_WRITES.contains(e.operation());
      case "bacnet" -> BACNET_WRITES.contains(e.operation());
      default -> false;
    };
  }

  /** Whether a DNP3 request commands the outstation's outputs or values. */
  static boolean isDnp3Control(TelemetryEvent e) {
    return "dnp3".equals(e.protocol()) && DNP3_CONTROLS.contains(e.operation());
  }
}
