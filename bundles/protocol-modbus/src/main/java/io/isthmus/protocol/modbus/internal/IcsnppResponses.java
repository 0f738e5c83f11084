package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.FunctionCodes.*;
import static io.isthmus.protocol.modbus.internal.IcsnppLogs.set;

import io.isthmus.api.decode.DecodeSink;
import java.util.List;

/** The response half of {@link IcsnppLogs}: exceptions, and each function's response handler. */
final class IcsnppResponses {
  private IcsnppResponses() {}

  /** Sets a response's fields on a row, on the waiting request ({@code paired}) or a new one. */
  private interface Fields {
    boolean apply(DetailedRow row, boolean paired);
  }

  static void decode(IcsnppLogs logs, long time, int tid, int unit, Pdu pdu, DecodeSink sink) {
    int function = pdu.function();
    int data = pdu.dataLength();
    WaitingRows requests = logs.requests();
    DetailedRow request = requests.get(tid);
    if (function >= 0x80) {
      if (data < 1) {
        return;
      }
      String exception = ModbusTables.exception(pdu.u8(1));
      if (request != null) {
        request.exception = exception;
        logs.pair(request, requests, tid, true, sink);
      } else {
        DetailedRow row = new DetailedRow(time, tid, unit, zeekFunc(function));
        row.exception = exception;
        logs.write(row, sink);
      }
      return;
    }
    if (!IcsnppLogs.handled(function)) {
      logs.write(new DetailedRow(time, tid, unit, zeekName(function)), sink);
      return;
    }
    Fields fields = fields(logs, time, tid, unit, pdu, request, sink);
    if (fields == null) {
      return;
    }
    if (request != null) {
      logs.pair(request, requests, tid, fields.apply(request, true), sink);
    } else {
      DetailedRow row = new DetailedRow(time, tid, unit, zeekName(function));
      fields.apply(row, false);
      logs.responses().put(tid, row, sink, logs);
    }
  }

  /** What the response sets, or null when Zeek's grammar rejects it. */
  private static Fields fields(IcsnppLogs logs, long time, int tid, int unit, Pdu pdu, DetailedRow request,
      DecodeSink sink) {
    int data = pdu.dataLength();
    switch (pdu.function()) {
      case READ_COILS, READ_DISCRETE_INPUTS -> {
        if (data < 1 || data < 1 + pdu.u8(1)) {
          return null;
        }
        return new Bits(pdu.bits(2, 8 * pdu.u8(1)));
      }
      case READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> {
        List<Integer> registers = registers(pdu, data);
        return registers == null ? null : new Registers(registers);
      }
      case WRITE_SINGLE_COIL, WRITE_SINGLE_REGISTER -> {
        int value = data < 4 ? -1 : pdu.u16(3);
        boolean coil = pdu.function() == WRITE_SINGLE_COIL;
        if (value < 0 || coil && value != 0 && value != 0xff00) {
          return null;
        }
        return new SingleWrite(pdu.u16(1), List.of(coil ? (value == 0 ? 0 : 1) : Uint16.box(value)), coil);
      }
      case WRITE_MULTIPLE_COILS, WRITE_MULTIPLE_REGISTERS -> {
        if (data < 4) {
          return null;
        }
        return new MultipleWrite(pdu.u16(1), pdu.u16(3), pdu.function() == WRITE_MULTIPLE_COILS);
      }
      case READ_FIFO_QUEUE -> {
        int count = data < 4 ? -1 : pdu.u16(3);
        if (count < 0 || pdu.u16(1) % 2 != 0 || data < 4 + 2 * count) {
          return null;
        }
        List<Integer> queue = pdu.registers(5, count);
        return (r, paired) -> set(r, null, count, null) && (queue.isEmpty() || values(r, queue));
      }
      case DIAGNOSTICS -> {
        if (data < 2) {
          return null;
        }
        String subfunction = ModbusTables.diagnosticSubfunction(pdu.u16(1));
        String bytes = pdu.escaped(3, data - 2);
        return (r, paired) -> {
          r.responseSubfunction = subfunction;
          r.responseData = bytes;
          return true;
        };
      }
      case READ_FILE_RECORD, WRITE_FILE_RECORD -> {
        String references = data < 1 || data < 1 + pdu.u8(1) ? null : FileRecords.responseData(pdu);
        if (references == null) {
          return null;
        }
        boolean write = pdu.function() == WRITE_FILE_RECORD;
        return (r, paired) -> {
          // ICSNPP's unpaired Write File Record keeps an empty string and drops a non-empty one.
          if (!references.isEmpty() && (paired || !write)) {
            r.responseData = references;
          } else if (references.isEmpty() && !paired && write) {
            r.responseData = "";
          }
          return true;
        };
      }
      case ENCAP_INTERFACE_TRANSPORT -> {
        if (data < 1) {
          return null;
        }
        String link = request != null && request.linkId != null ? request.linkId : logs.newLink();
        if (pdu.u8(1) == ModbusTables.MEI_READ_DEVICE_ID) {
          logs.side().deviceIdResponse(time, link, tid, unit, pdu, sink);
        }
        String mei = IcsnppLogs.meiName(pdu.u8(1), false);
        return (r, paired) -> {
          r.meiType = IcsnppLogs.combinedMei(r.meiType, mei);
          return paired || IcsnppLogs.link(r, link);
        };
      }
      case MASK_WRITE_REGISTER -> {
        if (data < 6) {
          return null;
        }
        String link = request != null && request.linkId != null ? request.linkId : "";
        logs.side().maskWrite(time, false, link, tid, unit, pdu, sink);
        return (r, paired) -> paired || set(r, pdu.u16(1), null, null) && IcsnppLogs.link(r, link);
      }
      default -> { // READ_WRITE_MULTIPLE_REGISTERS
        List<Integer> registers = registers(pdu, data);
        if (registers == null) {
          return null;
        }
        String link = request != null && request.linkId != null ? request.linkId : "";
        logs.side().readWriteResponse(time, link, tid, unit, pdu, registers, sink);
        return (r, paired) -> paired || IcsnppLogs.link(r, link);
      }
    }
  }

  /** A byte count and that many bytes of registers; null for an odd count or too few bytes, as Zeek rejects. */
  private static List<Integer> registers(Pdu pdu, int data) {
    if (data < 1 || pdu.u8(1) % 2 != 0 || data < 1 + pdu.u8(1)) {
      return null;
    }
    return pdu.registers(2, pdu.u8(1) / 2);
  }

  private static boolean values(DetailedRow r, List<Integer> values) {
    r.responseValues = values;
    return true;
  }

  // The frequent responses' fields as records, not lambdas: in 'isthmus decode' the decoder runs
  // on C1 alone, where creating a capturing lambda is a call into the VM for every PDU.

  /** Coils or discrete inputs read: as many as the request asked for, the padding bits as data. */
  private record Bits(List<Integer> bits) implements Fields {
    @Override
    public boolean apply(DetailedRow r, boolean paired) {
      if (!paired) {
        return set(r, null, Uint16.box(bits.size()), null) && values(r, bits);
      }
      Integer asked = r.quantity;
      if (asked == null || asked > bits.size()) {
        return false; // ICSNPP's handler stops on the missing quantity or an index out of bounds
      }
      r.responseValues = bits.subList(0, asked);
      if (asked < bits.size()) {
        r.responseData = joined(bits, asked);
      }
      return true;
    }

    private static String joined(List<Integer> values, int from) {
      StringBuilder s = new StringBuilder(2 * (values.size() - from));
      for (int i = from; i < values.size(); i++) {
        if (i > from) {
          s.append(',');
        }
        s.append(values.get(i).intValue());
      }
      return s.toString();
    }
  }

  /** Holding or input registers read. */
  private record Registers(List<Integer> registers) implements Fields {
    @Override
    public boolean apply(DetailedRow r, boolean paired) {
      return paired
          ? r.quantity != null && values(r, registers)
          : set(r, null, Uint16.box(registers.size()), null) && values(r, registers);
    }
  }

  /** A single coil or register written: the value echoed. */
  private record SingleWrite(int address, List<Integer> written, boolean coil) implements Fields {
    @Override
    public boolean apply(DetailedRow r, boolean paired) {
      return values(r, written) && (!coil && paired || set(r, Uint16.box(address), 1, null));
    }
  }

  /** Multiple coils or registers written: address and quantity echoed. */
  private record MultipleWrite(int address, int quantity, boolean coils) implements Fields {
    @Override
    public boolean apply(DetailedRow r, boolean paired) {
      return coils && paired || set(r, Uint16.box(address), Uint16.box(quantity), null);
    }
  }
}
