package io.isthmus.api.decode;

import io.isthmus.api.event.TelemetryEvent;

/** Where a decoder puts what it decoded. */
public interface DecodeSink {

  /** One decoded PDU. */
  void emit(TelemetryEvent event);

  /**
   * Bytes that cannot become an event (bad framing, absurd length, unknown version): counted,
   * logged and written as a Zeek {@code weird} record. Decoding continues with what follows.
   *
   * @param name short machine-readable name, e.g. {@code modbus_bad_length}
   * @param detail what exactly was wrong, for an analyst
   */
  void weird(long timeMicros, String name, String detail);
}
