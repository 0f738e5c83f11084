package io.isthmus.model.baseline.internal;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.Map;

/** Hand-made events for attacks the real captures do not contain. */
final class Events {
  private Events() {}

  static TelemetryEvent modbusRequest(long micros, String client, String server, int fc, String op, int address,
      int quantity) {
    return TelemetryEvent.builder().timeMicros(micros).source(Endpoint.of(client, 50_000))
        .destination(new Endpoint(server, 502, null, "255")).protocol("modbus").operation(op)
        .direction(Direction.REQUEST)
        .fields(Map.of("func_code", fc, "unit", 255, "address", address, "quantity", quantity))
        .payloadSize(12).build();
  }

  static TelemetryEvent publish(long micros, String client, String broker, String topic, int size) {
    return TelemetryEvent.builder().timeMicros(micros).source(Endpoint.of(client, 40_000))
        .destination(Endpoint.of(broker, 1883)).protocol("mqtt").operation("PUBLISH")
        .direction(Direction.REQUEST).fields(Map.of("topic", topic, "qos", 0, "payload_len", size - 30))
        .payloadSize(size).build();
  }
}
