package io.isthmus.triage.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Findings as the models emit them, for triage tests. */
final class Findings {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Technique PROGRAM_DOWNLOAD = new Technique("T0843", "Program Download", "Lateral Movement");
  static final Technique DISCOVERY = new Technique("T0846", "Remote System Discovery", "Discovery");
  static final Technique MODIFY_PARAMETER = new Technique("T0836", "Modify Parameter", "Impair Process Control");

  private Findings() {}

  static long micros(Instant time) {
    return time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000L;
  }

  /** A program download to {@code device} from the engineering station 10.0.0.9, as the semantics model reports it. */
  static Finding programDownload(String device, Instant at) {
    return finding(device, at, 0.93, List.of(PROGRAM_DOWNLOAD), List.of("program_download", "new_writer:10.0.0.9"), "semantics");
  }

  static Finding finding(String device, Instant at, double score, List<Technique> techniques, List<String> indicators,
      String model) {
    Endpoint plc = new Endpoint(device, 502, null, "1");
    Endpoint station = Endpoint.of("10.0.0.9", 49152);
    TelemetryEvent event = TelemetryEvent.builder().timeMicros(micros(at)).source(station).destination(plc)
        .protocol("modbus").operation("WRITE_MULTIPLE_REGISTERS").direction(Direction.REQUEST)
        .fields(Map.of("unit_id", 1, "address", 0, "quantity", 16)).payloadSize(40).build();
    return new Finding(model, "1.0.0", micros(at), plc, station, "modbus", score, indicators, techniques, List.of(event),
        "10.0.0.9 wrote 16 registers to the PLC's program area with function 90 (a vendor program download), "
            + "which this device has never received before.");
  }
}
