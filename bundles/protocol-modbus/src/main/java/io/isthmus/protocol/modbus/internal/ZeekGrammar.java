package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.FunctionCodes.*;

/**
 * Whether Zeek's binpac grammar for Modbus/TCP throws on a frame: a fixed field or a counted
 * array runs past the frame's end. Zeek then drops the rest of the TCP chunk it was parsing
 * ({@code FlowBuffer::DiscardData}), so frames after it in the same chunk give no Zeek rows.
 * A frame the grammar reads but the analyzer refuses (an odd byte count, a coil value other
 * than 0 or 0xff00) does not throw.
 */
final class ZeekGrammar {
  private ZeekGrammar() {}

  static boolean throwsOn(Pdu pdu, boolean client) {
    int function = pdu.function();
    int data = pdu.dataLength();
    if (function >= 0x80) {
      return !client && data < 1;
    }
    return client ? request(pdu, function, data) : response(pdu, function, data);
  }

  private static boolean request(Pdu pdu, int function, int data) {
    return switch (function) {
      case READ_COILS, READ_DISCRETE_INPUTS, READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS, WRITE_SINGLE_COIL,
          WRITE_SINGLE_REGISTER -> data < 4;
      case DIAGNOSTICS, READ_FIFO_QUEUE -> data < 2;
      case WRITE_MULTIPLE_COILS -> data < 5 || data < 5 + pdu.u8(5);
      case WRITE_MULTIPLE_REGISTERS -> data < 5 || data < 5 + pdu.u8(5) || 2 * pdu.u16(3) > pdu.u8(5);
      case READ_FILE_RECORD, WRITE_FILE_RECORD -> data < 1 || data < 1 + pdu.u8(1) || FileRecords.requests(pdu) < 0;
      case MASK_WRITE_REGISTER -> data < 6;
      case READ_WRITE_MULTIPLE_REGISTERS -> data < 9 || data < 9 + pdu.u8(9) || 2 * pdu.u16(7) > pdu.u8(9);
      case ENCAP_INTERFACE_TRANSPORT -> data < 1;
      default -> false;
    };
  }

  private static boolean response(Pdu pdu, int function, int data) {
    return switch (function) {
      case READ_COILS, READ_DISCRETE_INPUTS, READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS,
          READ_WRITE_MULTIPLE_REGISTERS -> data < 1 || data < 1 + pdu.u8(1);
      case WRITE_SINGLE_COIL, WRITE_SINGLE_REGISTER, WRITE_MULTIPLE_COILS, WRITE_MULTIPLE_REGISTERS -> data < 4;
      case DIAGNOSTICS -> data < 2;
      case READ_FILE_RECORD, WRITE_FILE_RECORD -> data < 1 || data < 1 + pdu.u8(1) || FileRecords.responseData(pdu) == null;
      case MASK_WRITE_REGISTER -> data < 6;
      case READ_FIFO_QUEUE -> data < 4 || data < 4 + 2 * pdu.u16(3);
      case ENCAP_INTERFACE_TRANSPORT -> data < 1;
      default -> false;
    };
  }
}
