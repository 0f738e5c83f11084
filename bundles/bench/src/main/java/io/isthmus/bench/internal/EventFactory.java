package io.isthmus.bench.internal;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.Map;

/** Pre-built Modbus-like events over many devices, so the benchmark measures the pipeline, not allocation. */
final class EventFactory {
  private static final String[] OPERATIONS = {"READ_HOLDING_REGISTERS", "READ_INPUT_REGISTERS", "READ_COILS"};

  private EventFactory() {}

  static TelemetryEvent[] build(int devices) {
    TelemetryEvent[] events = new TelemetryEvent[devices * OPERATIONS.length];
    Endpoint master = Endpoint.of("10.10.0.1", 50_000);
    int i = 0;
    for (String op : OPERATIONS) {
      for (int d = 0; d < devices; d++) {
        Endpoint plc = Endpoint.of("10.20." + (d / 250) + "." + (d % 250 + 1), 502);
        events[i++] = new TelemetryEvent(0L, "bench", "bench", master, plc, "modbus", op, Direction.REQUEST,
            Map.of("unit_id", 1, "address", d % 100), 12, null);
      }
    }
    return events;
  }
}
