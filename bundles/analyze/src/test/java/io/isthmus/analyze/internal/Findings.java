package io.isthmus.analyze.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.Map;

/** Findings built by hand for the writer tests. */
final class Findings {
  static final Endpoint PLC = new Endpoint("10.0.0.5", 502, null, "1");
  static final Endpoint HMI = Endpoint.of("10.0.0.9", 49_152);

  private Findings() {}

  static TelemetryEvent write(long micros) {
    return new TelemetryEvent(micros, "default", "plant.pcap", HMI, PLC, "modbus", "WRITE_SINGLE_REGISTER",
        Direction.REQUEST, Map.of("unit_id", 1), 12, null);
  }

  static Finding finding(String model, long micros, String explanation) {
    return new Finding(model, "1.2.0", micros, PLC, HMI, "modbus", 0.875,
        List.of("new_writer_host", "fc_not_in_baseline:6"),
        List.of(new Technique("T0855", "Unauthorized Command Message", "Impair Process Control"),
            new Technique("T0836", "Modify Parameter", "Impair Process Control")),
        List.of(write(micros - 10), write(micros)), explanation);
  }
}
