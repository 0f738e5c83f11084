package io.isthmus.model.semantics.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Synthetic events and a model that records its findings. */
final class Events {
  static final String DEVICE = "10.0.0.5";
  static final String HMI = "10.0.0.20";
  static final String INTRUDER = "10.0.0.66";

  private Events() {}

  static TelemetryEvent request(String protocol, String operation, String from, Map<String, Object> fields,
      long timeMicros) {
    return TelemetryEvent.builder().timeMicros(timeMicros).protocol(protocol).operation(operation)
        .direction(Direction.REQUEST).source(Endpoint.of(from, 50_000)).destination(new Endpoint(DEVICE, 502, null, "1"))
        .fields(fields).build();
  }

  static TelemetryEvent request(String protocol, String operation, String from) {
    return request(protocol, operation, from, Map.of(), 1_000_000L);
  }

  static TelemetryEvent response(String protocol, String operation) {
    return TelemetryEvent.builder().timeMicros(1_000_000L).protocol(protocol).operation(operation)
        .direction(Direction.RESPONSE).source(new Endpoint(DEVICE, 502, null, "1")).destination(Endpoint.of(HMI, 50_000))
        .build();
  }

  static List<String> ids(Finding f) {
    return f.techniques().stream().map(Technique::id).toList();
  }

  /** A model under test with the findings it emitted. */
  static final class Recorder {
    final SemanticsModel model;
    final List<Finding> findings = new ArrayList<>();

    Recorder(Settings settings) {
      model = new SemanticsModel("1.0.0", settings);
    }

    /** A model that does not learn: every rule is live from the first event. */
    static Recorder live() {
      return new Recorder(Settings.defaults().withLearning(Settings.NO_LEARNING));
    }

    /** A model that learns until {@link SemanticsModel#endLearning()}. */
    static Recorder learning() {
      return new Recorder(Settings.defaults());
    }

    List<Finding> observe(TelemetryEvent... events) {
      int before = findings.size();
      for (TelemetryEvent e : events) {
        model.observe(e, findings::add);
      }
      return List.copyOf(findings.subList(before, findings.size()));
    }

    List<Finding> observe(List<TelemetryEvent> events) {
      return observe(events.toArray(TelemetryEvent[]::new));
    }
  }
}
