package io.isthmus.api.decode;

import io.isthmus.api.event.TelemetryEvent;
import java.util.Map;

/** Where a decoder puts what it decoded. */
public interface DecodeSink {

  /** One decoded PDU. */
  void emit(TelemetryEvent event);

  /**
   * Whether the contents of {@link #emit} events are wanted. When false (for example {@code
   * isthmus decode}, which writes only {@link #log} rows and counts events), a decoder still
   * emits one event per PDU but may leave its {@code fields} empty and skip work done only for
   * them; it reports every {@link #weird} it would report otherwise and keeps the state
   * (request/response pairing) its events and rows depend on. Defaults to true.
   */
  default boolean wantsEvents() {
    return true;
  }

  /**
   * Bytes that cannot become an event (bad framing, absurd length, unknown version): counted,
   * logged and written as a Zeek {@code weird} record. Decoding continues with what follows.
   *
   * @param name short machine-readable name, e.g. {@code modbus_bad_length}
   * @param detail what exactly was wrong, for an analyst
   */
  void weird(long timeMicros, String name, String detail);

  /**
   * Whether {@link #log} rows are wanted (for example by {@code isthmus decode --format
   * zeek-json}). Decoders skip building rows when not: the live pipeline needs only events.
   */
  default boolean wantsLogs() {
    return false;
  }

  /**
   * One row of a Zeek log for the current conversation, with the columns and value spellings
   * of that log (ICSNPP's {@code modbus_detailed}, {@code bacnet_property}, ..., Zeek's {@code
   * modbus}, {@code mqtt_publish}). The caller adds {@code ts}, {@code uid} and the {@code id.*}
   * columns; {@code row} holds every column after them, in the log's order. A column Zeek
   * leaves unset is absent. Values are {@code String}, {@code Long}/{@code Integer}, {@code
   * Double}, {@code Boolean} or a {@code List} of those (a Zeek vector or set).
   *
   * <p>The row is given away: the sink may keep it and write it later on another thread, so the
   * decoder must not change the map or its values after this call (build a new map per row).
   *
   * @param path the log's name, Zeek's {@code _path}
   */
  default void log(long timeMicros, String path, Map<String, Object> row) {}
}
