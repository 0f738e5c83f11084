package io.isthmus.model.iforest.internal;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Modbus/TCP site made up for tests: a master polls each device's holding registers about every
 * half second (request and response), and now and then writes one register of device .11.
 */
final class SyntheticTraffic {
  static final String MASTER = "10.0.0.1";
  static final List<String> DEVICES = List.of("10.0.0.11", "10.0.0.12", "10.0.0.13");
  static final long START = 1_700_000_000_000_000L;

  private final SplittableRandom random;

  SyntheticTraffic(long seed) {
    random = new SplittableRandom(seed);
  }

  /** Normal traffic between {@code fromMicros} and {@code toMicros}, in time order. */
  List<TelemetryEvent> normal(long fromMicros, long toMicros) {
    List<TelemetryEvent> out = new ArrayList<>();
    for (String device : DEVICES) {
      for (long t = fromMicros + random.nextLong(500_000); t < toMicros; t += 450_000 + random.nextLong(100_000)) {
        int quantity = 10;
        out.add(event(t, MASTER, device, "READ_HOLDING_REGISTERS", Direction.REQUEST, 5));
        out.add(event(t + 3_000 + random.nextLong(4_000), MASTER, device, "READ_HOLDING_REGISTERS", Direction.RESPONSE,
            2 + 2 * quantity));
        if (device.equals(DEVICES.get(0)) && random.nextInt(60) == 0) {
          out.add(event(t + 20_000, MASTER, device, "WRITE_SINGLE_REGISTER", Direction.REQUEST, 5));
          out.add(event(t + 25_000, MASTER, device, "WRITE_SINGLE_REGISTER", Direction.RESPONSE, 5));
        }
      }
    }
    out.sort(Comparator.comparingLong(TelemetryEvent::timeMicros));
    return out;
  }

  /** {@code writer} sending {@code writes} write requests (and their responses) to {@code device} within {@code seconds}. */
  List<TelemetryEvent> writeBurst(String writer, String device, long fromMicros, int writes, int seconds, String op) {
    List<TelemetryEvent> out = new ArrayList<>();
    for (int i = 0; i < writes; i++) {
      long t = fromMicros + i * (seconds * 1_000_000L / writes);
      out.add(event(t, writer, device, op, Direction.REQUEST, 6 + 2 * 8));
      out.add(event(t + 4_000, writer, device, op, Direction.RESPONSE, 5));
    }
    return out;
  }

  static List<TelemetryEvent> merge(List<TelemetryEvent> a, List<TelemetryEvent> b) {
    List<TelemetryEvent> out = new ArrayList<>(a);
    out.addAll(b);
    out.sort(Comparator.comparingLong(TelemetryEvent::timeMicros));
    return out;
  }

  static TelemetryEvent event(long t, String client, String device, String op, Direction dir, int payload) {
    Endpoint c = Endpoint.of(client, 40_000);
    Endpoint d = Endpoint.of(device, 502);
    boolean request = dir == Direction.REQUEST;
    return TelemetryEvent.builder().timeMicros(t).sensor("synthetic").protocol("modbus").operation(op).direction(dir)
        .source(request ? c : d).destination(request ? d : c).fields(Map.of("unit_id", 1)).payloadSize(payload).build();
  }
}
