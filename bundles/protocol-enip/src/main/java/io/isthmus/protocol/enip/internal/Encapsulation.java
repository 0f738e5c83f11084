package io.isthmus.protocol.enip.internal;

import io.isthmus.api.event.Direction;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * One encapsulation message: the 24-byte header (command, length, session handle, status, sender
 * context, options), its {@code enip} row, and the command's body. CIP carried by SendRRData and
 * SendUnitData becomes one event per service; every other command is one event itself.
 */
final class Encapsulation {
  static final int HEADER = 24;
  static final int LIST_SERVICES = 0x04;
  static final int LIST_IDENTITY = 0x63;
  static final int LIST_INTERFACES = 0x64;
  static final int REGISTER_SESSION = 0x65;
  static final int SEND_RR_DATA = 0x6f;
  static final int SEND_UNIT_DATA = 0x70;

  private final CipDecoder cip;

  Encapsulation(CipDecoder cip) {
    this.cip = cip;
  }

  /** Whether a header with this command and status is taken for EtherNet/IP (unknown commands are logged). */
  static boolean acceptable(int command, long status) {
    return NameTable.ENIP_COMMANDS.knows(command) || command == 0xc8 || (command < 0x100 && status <= 0xffff);
  }

  /** Whether a header seems to start at {@code at}: a known command and a small status. */
  static boolean plausible(ByteBuffer b, int at) {
    int command = Le.u16(b, at);
    return (NameTable.ENIP_COMMANDS.knows(command) || command == 0xc8) && Le.u32(b, at + 8) < 0x100;
  }

  static String operation(int command) {
    return switch (command) {
      case 0x00 -> "NOP";
      case 0x04 -> "LIST_SERVICES";
      case 0x63 -> "LIST_IDENTITY";
      case 0x64 -> "LIST_INTERFACES";
      case 0x65 -> "REGISTER_SESSION";
      case 0x66 -> "UNREGISTER_SESSION";
      case 0x6f -> "SEND_RR_DATA";
      case 0x70 -> "SEND_UNIT_DATA";
      case 0x72 -> "INDICATE_STATUS";
      case 0x73 -> "CANCEL";
      case 0xc8 -> "START_DTLS";
      default -> String.format("ENIP_COMMAND_0x%04X", command);
    };
  }

  void decode(ByteBuffer b, int start, int end, Pdu pdu) {
    int command = Le.u16(b, start);
    int length = Le.u16(b, start + 2);
    long session = Le.u32(b, start + 4);
    long status = Le.u32(b, start + 8);
    String context = "0x" + Le.hex(b, start + 12, 8);
    long options = Le.u32(b, start + 20);
    String code = Le.hex0x(command, 2);
    String name = NameTable.ENIP_COMMANDS.name(command);
    String statusName = NameTable.ENIP_STATUSES.name(status);
    if (pdu.wantsLogs()) {
      Map<String, Object> row = pdu.row();
      row.put("enip_command_code", code);
      row.put("enip_command", name);
      row.put("length", length);
      row.put("session_handle", Le.hex0x(session, 8));
      row.put("enip_status", statusName);
      row.put("sender_context", context);
      row.put("options", Le.hex0x(options, 8));
      pdu.log("enip", row);
    }
    pdu.shared.put("enip_command_code", code);
    pdu.shared.put("enip_command", name);
    pdu.shared.put("session_handle", Le.hex0x(session, 8));
    pdu.shared.put("enip_status", statusName);
    if (!NameTable.ENIP_COMMANDS.knows(command)) {
      pdu.weird("enip_unknown_command", String.format("encapsulation command 0x%04x is not defined", command));
    }
    int body = start + HEADER;
    Map<String, Object> fields = pdu.fields();
    fields.put("length", length);
    fields.put("sender_context", context);
    fields.put("options", Le.hex0x(options, 8));
    String problem = null;
    if (command == SEND_RR_DATA || command == SEND_UNIT_DATA) {
      if (end - body >= 8) {
        String outcome = cip.sendData(b, body + 6, end, pdu, command == SEND_UNIT_DATA, Le.u64(b, start + 12), fields);
        if (outcome == null) {
          return;
        }
        problem = outcome.isEmpty() ? null : outcome;
      } else if (end > body || status == 0) {
        problem = (end - body) + "-byte body is too short for the interface handle, timeout and item count";
      }
    } else if (command == REGISTER_SESSION) {
      if (end - body >= 4) {
        fields.put("protocol_version", Le.u16(b, body));
        fields.put("options_flags", Le.u16(b, body + 2));
      } else if (status == 0) {
        problem = (end - body) + "-byte body is too short for the protocol version and options";
      }
    } else if (!pdu.fromClient && end > body
        && (command == LIST_IDENTITY || command == LIST_SERVICES || command == LIST_INTERFACES)) {
      problem = TargetItems.decode(b, body, end, pdu, fields);
    }
    if (problem != null) {
      pdu.weird("enip_malformed", Encapsulation.operation(command) + ": " + problem);
    }
    pdu.emit(operation(command), pdu.fromClient ? Direction.REQUEST : Direction.RESPONSE, fields, problem);
  }
}
