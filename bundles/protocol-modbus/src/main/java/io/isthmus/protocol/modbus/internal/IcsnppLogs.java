package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.FunctionCodes.*;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ICSNPP's {@code modbus_detailed} log and its side logs for one connection, row for row as
 * icsnpp-modbus writes them on Zeek's Modbus analyzer. A request and its response share one
 * detailed row, paired by transaction id alone (ICSNPP ignores unit and function); whichever comes
 * first waits, a later one with the same id replaces it, and what still waits when the connection
 * ends is logged unmatched. Functions ICSNPP has no handler for get one row per PDU. Each PDU is
 * read by the rules of Zeek's binpac grammar: a PDU the grammar rejects gives no detailed row.
 */
final class IcsnppLogs {
  /** What waits beyond this many transactions in one direction is logged unmatched at once. */
  private static final int MAX_WAITING = 4096;

  private final Conversation conversation;
  private final IcsnppSideLogs side;
  private final WaitingRows requests = new WaitingRows(MAX_WAITING);
  private final WaitingRows responses = new WaitingRows(MAX_WAITING);
  private long links;

  IcsnppLogs(Conversation conversation) {
    this.conversation = conversation;
    this.side = new IcsnppSideLogs(conversation);
  }

  /** Fields a PDU sets on a detailed row; false when ICSNPP's handler stops with a script error. */
  interface Fields {
    boolean apply(DetailedRow row);
  }

  /**
   * The address, quantity, request values and unit most requests set, each if not null (unit if
   * not negative). A record rather than a lambda: the decoder runs on C1 alone in {@code isthmus
   * decode}, where creating a capturing lambda is a call into the VM for every PDU.
   */
  private record Values(@Nullable Integer address, @Nullable Integer quantity, @Nullable List<Integer> values,
      int unit) implements Fields {
    @Override
    public boolean apply(DetailedRow r) {
      set(r, address, quantity, values);
      if (unit >= 0) {
        r.unit = unit;
      }
      return true;
    }
  }

  static boolean handled(int function) {
    return switch (function) {
      case READ_COILS, READ_DISCRETE_INPUTS, READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS, READ_FILE_RECORD,
          WRITE_SINGLE_COIL, WRITE_SINGLE_REGISTER, WRITE_MULTIPLE_COILS, WRITE_MULTIPLE_REGISTERS,
          READ_WRITE_MULTIPLE_REGISTERS, MASK_WRITE_REGISTER, WRITE_FILE_RECORD, READ_FIFO_QUEUE, DIAGNOSTICS,
          ENCAP_INTERFACE_TRANSPORT -> true;
      default -> false;
    };
  }

  void request(long time, int tid, int unit, Pdu pdu, DecodeSink sink) {
    int function = pdu.function();
    if (function >= 0x80) {
      return;
    }
    if (!handled(function)) {
      write(new DetailedRow(time, tid, unit, zeekName(function)), sink);
      return;
    }
    int data = pdu.dataLength();
    DetailedRow waiting = responses.get(tid);
    Fields fields;
    switch (function) {
      case READ_COILS, READ_DISCRETE_INPUTS, READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> {
        if (data < 4) {
          return;
        }
        fields = new Values(Uint16.box(pdu.u16(1)), Uint16.box(pdu.u16(3)), null, -1);
      }
      case READ_FIFO_QUEUE -> {
        if (data < 2) {
          return;
        }
        fields = new Values(Uint16.box(pdu.u16(1)), null, null, -1);
      }
      case WRITE_SINGLE_COIL -> {
        int value = data < 4 ? -1 : pdu.u16(3);
        if (value != 0 && value != 0xff00) {
          return;
        }
        fields = new Values(Uint16.box(pdu.u16(1)), 1, List.of(value == 0 ? 0 : 1), -1);
      }
      case WRITE_SINGLE_REGISTER -> {
        if (data < 4) {
          return;
        }
        fields = new Values(Uint16.box(pdu.u16(1)), 1, List.of(Uint16.box(pdu.u16(3))), unit);
      }
      case WRITE_MULTIPLE_COILS -> {
        if (data < 5 || data < 5 + pdu.u8(5)) {
          return;
        }
        List<Integer> coils = pdu.bits(6, Math.min(pdu.u16(3), 8 * pdu.u8(5)));
        fields = new Values(Uint16.box(pdu.u16(1)), Uint16.box(coils.size()), coils, unit);
      }
      case WRITE_MULTIPLE_REGISTERS -> {
        int byteCount = data < 5 ? -1 : pdu.u8(5);
        if (byteCount < 0 || byteCount % 2 != 0 || data < 5 + byteCount || 2 * pdu.u16(3) > byteCount) {
          return;
        }
        List<Integer> registers = pdu.registers(6, pdu.u16(3));
        fields = new Values(Uint16.box(pdu.u16(1)), Uint16.box(registers.size()), registers, unit);
      }
      case READ_FILE_RECORD, WRITE_FILE_RECORD -> {
        int references = data < 1 || data < 1 + pdu.u8(1) ? -1 : FileRecords.requests(pdu);
        if (references < 0) {
          return;
        }
        fields = new Values(null, references, null, -1);
      }
      case DIAGNOSTICS -> {
        int length = data - 2;
        if (data < 2 || length < 2 || length % 2 != 0 || pdu.u16(1) != 0 && length != 2 || waiting != null) {
          // A waiting response stops ICSNPP's handler at "+=" on an unset field: nothing changes.
          return;
        }
        fields = r -> {
          r.requestSubfunction = ModbusTables.diagnosticSubfunction(pdu.u16(1));
          r.requestData = pdu.escaped(3, length);
          return true;
        };
      }
      case ENCAP_INTERFACE_TRANSPORT -> {
        if (data < 1) {
          return;
        }
        String link = waiting != null && waiting.linkId != null ? waiting.linkId : newLink();
        if (pdu.u8(1) == ModbusTables.MEI_READ_DEVICE_ID) {
          side.deviceIdRequest(time, link, tid, unit, pdu, sink);
        }
        String mei = meiName(pdu.u8(1), true);
        fields = r -> {
          r.linkId = r.linkId == null ? link : r.linkId;
          r.meiType = combinedMei(r.meiType, mei);
          return true;
        };
      }
      case MASK_WRITE_REGISTER -> {
        if (data < 6) {
          return;
        }
        if (waiting != null) {
          pair(waiting, responses, tid, true, sink);
          return;
        }
        String link = newLink();
        fields = r -> set(r, pdu.u16(1), null, null) && link(r, link);
        side.maskWrite(time, true, link, tid, unit, pdu, sink);
      }
      default -> { // READ_WRITE_MULTIPLE_REGISTERS
        int byteCount = data < 9 ? -1 : pdu.u8(9);
        if (byteCount < 0 || byteCount % 2 != 0 || data < 9 + byteCount || 2 * pdu.u16(7) > byteCount) {
          return;
        }
        if (waiting != null) {
          pair(waiting, responses, tid, true, sink);
          return;
        }
        String link = newLink();
        fields = r -> link(r, link);
        side.readWriteRequest(time, link, tid, unit, pdu, pdu.registers(10, pdu.u16(7)), sink);
      }
    }
    if (waiting != null) {
      pair(waiting, responses, tid, fields.apply(waiting), sink);
    } else {
      DetailedRow row = new DetailedRow(time, tid, unit, zeekName(function));
      fields.apply(row);
      requests.put(tid, row, sink, this);
    }
  }

  /** A header Zeek reads without ever completing its frame: only the per-PDU row of an unhandled function. */
  void headerOnly(long time, int tid, int unit, int function, DecodeSink sink) {
    if (!handled(function)) {
      write(new DetailedRow(time, tid, unit, zeekName(function)), sink);
    }
  }

  void response(long time, int tid, int unit, Pdu pdu, DecodeSink sink) {
    IcsnppResponses.decode(this, time, tid, unit, pdu, sink);
  }

  /** Logs what still waits, unmatched: ICSNPP does so when the connection is removed. */
  void close(DecodeSink sink) {
    requests.drain(row -> unmatched(row, sink));
    responses.drain(row -> unmatched(row, sink));
  }

  void unmatched(DetailedRow row, DecodeSink sink) {
    row.matched = false;
    write(row, sink);
  }

  WaitingRows requests() {
    return requests;
  }

  WaitingRows responses() {
    return responses;
  }

  IcsnppSideLogs side() {
    return side;
  }

  /**
   * Completes a waiting row once the other half's fields are set on it ({@code applied}: false when
   * ICSNPP's handler stopped, and the row then waits on).
   */
  void pair(DetailedRow waiting, WaitingRows table, int tid, boolean applied, DecodeSink sink) {
    if (!applied) {
      return;
    }
    waiting.matched = true;
    table.remove(tid);
    write(waiting, sink);
  }

  void write(DetailedRow row, DecodeSink sink) {
    sink.log(row.time, "modbus_detailed", row.columns());
  }

  String newLink() {
    return conversation.uid() + "-" + (++links);
  }

  static String meiName(int mei, boolean request) {
    return switch (mei) {
      case ModbusTables.MEI_CANOPEN -> "CANopen";
      case ModbusTables.MEI_READ_DEVICE_ID -> "Read Device Identification";
      // ICSNPP spells the two directions differently, "ox" included.
      default -> String.format(request ? "invalid encapsulated interface transport mei-(0x%02x)"
          : "unknown encapsulated interface transport mei-(ox%02x)", mei);
    };
  }

  static String combinedMei(@Nullable String current, String mei) {
    return current == null || current.isEmpty() ? mei : current.equals(mei) ? current : current + " and " + mei;
  }

  static boolean set(DetailedRow r, @Nullable Integer address, @Nullable Integer quantity,
      @Nullable List<Integer> requestValues) {
    if (address != null) {
      r.address = address;
    }
    if (quantity != null) {
      r.quantity = quantity;
    }
    if (requestValues != null) {
      r.requestValues = requestValues;
    }
    return true;
  }

  static boolean link(DetailedRow r, String link) {
    r.linkId = link;
    return true;
  }
}
