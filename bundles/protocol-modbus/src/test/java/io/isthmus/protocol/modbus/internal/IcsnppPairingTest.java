package io.isthmus.protocol.modbus.internal;

import static io.isthmus.protocol.modbus.internal.Adu.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How icsnpp-modbus's main.zeek pairs rows, read from its handlers: by transaction id only, a
 * response may wait for its request, a replaced request is lost, leftovers are logged unmatched
 * when the connection is removed, and functions it has no handler for get a row per PDU.
 */
class IcsnppPairingTest {
  private final List<Map<String, Object>> detailed = new ArrayList<>();
  private final List<Map<String, Object>> modbus = new ArrayList<>();
  private final ModbusConversation decoder = new ModbusConversation(Adu.CONVERSATION);
  private final io.isthmus.api.decode.DecodeSink sink = new io.isthmus.api.decode.DecodeSink() {
    @Override
    public void emit(TelemetryEvent event) {}

    @Override
    public void weird(long timeMicros, String name, String detail) {}

    @Override
    public boolean wantsLogs() {
      return true;
    }

    @Override
    public void log(long timeMicros, String path, Map<String, Object> row) {
      if (path.equals("modbus_detailed")) {
        detailed.add(row);
      } else if (path.equals(ZeekModbusLog.PATH)) {
        modbus.add(row);
      }
    }
  };

  private void send(boolean client, byte[] frame) {
    decoder.onData(client, 0, ByteBuffer.wrap(frame), sink);
  }

  @Test
  void aResponseBeforeItsRequestIsCompletedByTheRequest() {
    send(false, frame(5, 1, 0x03, 0x02, 0x00, 0x2a));
    send(true, frame(5, 1, 0x03, 0x00, 0x10, 0x00, 0x01));
    assertEquals(List.of(Map.of("tid", 5, "unit", 1, "func", "READ_HOLDING_REGISTERS", "address", 16, "quantity", 1,
        "response_values", List.of(42), "matched", true)), detailed);
  }

  @Test
  void pairingIgnoresFunctionAndUnitAndAReplacedRequestIsLost() {
    send(true, frame(7, 1, 0x06, 0x00, 0x01, 0x00, 0x02));
    send(true, frame(7, 2, 0x06, 0x00, 0x03, 0x00, 0x04));
    send(false, frame(7, 9, 0x05, 0x00, 0x03, 0xff, 0x00));
    assertEquals(1, detailed.size());
    assertEquals(2, detailed.get(0).get("unit"));
    assertEquals("WRITE_SINGLE_REGISTER", detailed.get(0).get("func"));
    assertEquals(List.of(1), detailed.get(0).get("response_values"));
  }

  @Test
  void whatStillWaitsAtTheEndIsLoggedUnmatched() {
    send(true, frame(1, 1, 0x01, 0x00, 0x00, 0x00, 0x08));
    send(false, frame(2, 1, 0x10, 0x00, 0x00, 0x00, 0x02));
    decoder.onClose(0, sink);
    assertEquals(List.of(false, false), detailed.stream().map(r -> r.get("matched")).toList());
  }

  @Test
  void unhandledFunctionsAndUnpairedExceptionsGetOwnRows() {
    send(true, frame(3, 1, 0x11));
    send(false, frame(3, 1, 0x91, 0x01));
    assertEquals(List.of(Map.of("tid", 3, "unit", 1, "func", "REPORT_SLAVE_ID"),
        Map.of("tid", 3, "unit", 1, "func", "REPORT_SLAVE_ID_EXCEPTION", "exception_code", "ILLEGAL_FUNCTION")), detailed);
  }

  /**
   * binpac's generated NewData calls FlowBuffer::DiscardData when the grammar throws: the rest of
   * that chunk is lost to Zeek. The header of the throwing frame was read, so it has its row.
   */
  @Test
  void afterAFrameZeeksGrammarRejectsTheRestOfTheChunkHasNoZeekRows() {
    send(true, Adu.concat(frame(1, 1, 0x03, 0x00, 0x01), frame(2, 1, 0x07)));
    assertEquals(List.of(1), modbus.stream().map(r -> r.get("tid")).toList());
    assertEquals(List.of(), detailed);
    send(true, frame(3, 1, 0x07));
    assertEquals(List.of(1, 3), modbus.stream().map(r -> r.get("tid")).toList());
    assertEquals(List.of(Map.of("tid", 3, "unit", 1, "func", "READ_EXCEPTION_STATUS")), detailed);
  }

  /** An absurd length: Zeek logs the header it read, then waits for the frame; we resynchronise. */
  @Test
  void anAbsurdLengthStillHasItsHeaderRow() {
    byte[] bad = frame(4, 1, 0x11);
    bad[4] = 0x01;
    send(true, Adu.concat(bad, frame(5, 1, 0x11)));
    assertEquals(List.of(Map.of("tid", 4, "unit", 1, "func", "REPORT_SLAVE_ID", "pdu_type", "REQ")), modbus);
  }
}
