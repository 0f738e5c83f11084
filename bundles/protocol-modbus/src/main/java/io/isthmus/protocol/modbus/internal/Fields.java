package io.isthmus.protocol.modbus.internal;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The decoded fields of one PDU, and the first thing found wrong with it. */
final class Fields {
  /** Empty, and left empty, when nobody reads the values (only the problem is wanted). */
  final Map<String, Object> values;
  private final boolean keep;
  @Nullable String weird;
  @Nullable String problem;

  Fields(boolean keep) {
    this.keep = keep;
    this.values = keep ? new HashMap<>() : Map.of();
  }

  Fields put(String name, Object value) {
    if (keep) {
      values.put(name, value);
    }
    return this;
  }

  /** Records what is wrong ({@code weird} names the kind, {@code detail} says what); the first one stands. */
  void malformed(String weirdName, String detail) {
    if (problem == null) {
      weird = weirdName;
      problem = detail;
    }
  }

  /** Checks the PDU's data length; records a problem if it is not {@code expected}. */
  boolean lengthIs(Pdu pdu, int expected) {
    if (pdu.dataLength() == expected) {
      return true;
    }
    malformed("modbus_bad_pdu_length", FunctionCodes.name(pdu.function()) + " carries " + pdu.dataLength()
        + " data bytes, not " + expected);
    return false;
  }

  /** Checks the PDU has at least {@code minimum} data bytes. */
  boolean lengthAtLeast(Pdu pdu, int minimum) {
    if (pdu.dataLength() >= minimum) {
      return true;
    }
    malformed("modbus_bad_pdu_length", FunctionCodes.name(pdu.function()) + " carries " + pdu.dataLength()
        + " data bytes, fewer than " + minimum);
    return false;
  }
}
