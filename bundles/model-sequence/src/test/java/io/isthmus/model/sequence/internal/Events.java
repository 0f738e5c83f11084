package io.isthmus.model.sequence.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic requests and a helper that feeds events to a model and collects its findings. */
final class Events {
  private Events() {}

  static TelemetryEvent request(long timeMicros, String client, String device, String protocol, String operation) {
    return request(timeMicros, client, device, protocol, operation, Map.of());
  }

  static TelemetryEvent request(long timeMicros, String client, String device, String protocol, String operation,
      Map<String, Object> fields) {
    return TelemetryEvent.builder().timeMicros(timeMicros).source(Endpoint.of(client, 50000))
        .destination(Endpoint.of(device, 502)).protocol(protocol).operation(operation)
        .direction(Direction.REQUEST).fields(fields).build();
  }

  /** The same request with another operation and time: an attacker's command on a real connection. */
  static TelemetryEvent like(TelemetryEvent real, long timeMicros, String operation, Map<String, Object> fields) {
    return TelemetryEvent.builder().timeMicros(timeMicros).tenant(real.tenant()).sensor(real.sensor())
        .source(real.source()).destination(real.destination()).protocol(real.protocol()).operation(operation)
        .direction(Direction.REQUEST).fields(fields).build();
  }

  static List<Finding> observe(SequenceModel model, List<TelemetryEvent> events) {
    List<Finding> findings = new ArrayList<>();
    FindingSink sink = findings::add;
    for (TelemetryEvent e : events) {
      model.observe(e, sink);
    }
    return findings;
  }

  static boolean hasIndicator(List<Finding> findings, String prefix) {
    return findings.stream().anyMatch(f -> f.indicators().stream().anyMatch(i -> i.startsWith(prefix)));
  }

  static void print(String title, List<Finding> findings) {
    System.out.println("== " + title + ": " + findings.size() + " finding(s)");
    for (Finding f : findings) {
      System.out.printf("  %.2f %s %s %s%n    %s%n", f.score(), f.indicators(),
          f.techniques().stream().map(t -> t.id() + " " + t.name()).toList(), f.device(), f.explanation());
    }
  }
}
