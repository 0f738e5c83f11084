package io.isthmus.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryEventTest {
  private static final Endpoint MASTER = Endpoint.of("192.168.1.10", 49_152);
  private static final Endpoint PLC = Endpoint.of("192.168.1.20", 502);

  private static TelemetryEvent.Builder modbus(Direction direction, Endpoint source, Endpoint destination) {
    return TelemetryEvent.builder().timeMicros(1_700_000_000_123_456L).protocol("modbus")
        .operation("READ_HOLDING_REGISTERS").direction(direction).source(source).destination(destination);
  }

  @Test
  void theDeviceIsTheReceiverOfRequestsAndTheSenderOfResponsesAndReports() {
    TelemetryEvent request = modbus(Direction.REQUEST, MASTER, PLC).build();
    assertSame(PLC, request.device());
    assertSame(MASTER, request.peer());

    TelemetryEvent response = modbus(Direction.RESPONSE, PLC, MASTER).build();
    assertSame(PLC, response.device());
    assertSame(MASTER, response.peer());

    TelemetryEvent unsolicited = modbus(Direction.UNSOLICITED, PLC, MASTER).build();
    assertSame(PLC, unsolicited.device());
    assertSame(MASTER, unsolicited.peer());

    TelemetryEvent unknown = modbus(Direction.UNKNOWN, MASTER, PLC).build();
    assertSame(PLC, unknown.device(), "when the direction is unknown the destination is the device");
    assertSame(MASTER, unknown.peer());
  }

  @Test
  void peerIsTheOtherEndEvenWhenBothEndsAreEqual() {
    Endpoint loop = Endpoint.of("10.0.0.1", 502);
    TelemetryEvent e = modbus(Direction.RESPONSE, loop, Endpoint.of("10.0.0.1", 502)).build();
    assertSame(loop, e.device());
    assertSame(e.destination(), e.peer());
  }

  @Test
  void requiredPartsAndAPayloadSizeAreChecked() {
    assertThrows(NullPointerException.class, () -> TelemetryEvent.builder().destination(PLC).build());
    assertThrows(NullPointerException.class, () -> TelemetryEvent.builder().source(MASTER).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> modbus(Direction.REQUEST, MASTER, PLC).payloadSize(-1).build());
    assertTrue(e.getMessage().contains("payloadSize"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of("10.0.0.1", 65_536));
    assertThrows(IllegalArgumentException.class, () -> Endpoint.of("10.0.0.1", -1));
  }

  @Test
  void fieldsAreImmutableAndCopied() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("unit_id", 1);
    TelemetryEvent e = modbus(Direction.REQUEST, MASTER, PLC).fields(fields).build();
    fields.put("func", 3);
    assertEquals(Map.of("unit_id", 1), e.fields());
    assertThrows(UnsupportedOperationException.class, () -> e.fields().put("x", 1));
  }

  @Test
  void timeAndMalformedness() {
    TelemetryEvent clean = modbus(Direction.REQUEST, MASTER, PLC).build();
    assertEquals(Instant.parse("2023-11-14T22:13:20.123456Z"), clean.time());
    assertFalse(clean.isMalformed());
    TelemetryEvent bad = modbus(Direction.REQUEST, MASTER, PLC).malformed("length field exceeds PDU").build();
    assertTrue(bad.isMalformed());
    TelemetryEvent beforeEpoch = modbus(Direction.REQUEST, MASTER, PLC).timeMicros(-1).build();
    assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), beforeEpoch.time());
  }

  @Test
  void endpointsPrintIpv6InBrackets() {
    assertEquals("192.168.1.20:502", PLC.toString());
    assertEquals("[fe80::1]:47808", Endpoint.of("fe80::1", 47_808).toString());
    assertEquals("192.168.1.20", PLC.deviceKey());
  }
}
