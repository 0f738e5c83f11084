package io.isthmus.model.baseline.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;

/** Turns deviations into findings with a paragraph a SOC analyst without OT training can act on. */
final class Findings {
  private Findings() {}

  static Deviations newDevice(TelemetryEvent e) {
    String sentence = e.peer().ip() + " talked " + e.protocol() + " with " + e.device().ip()
        + ", a device that never appeared while the normal traffic of this site was learned.";
    return EventFacts.toDevice(e)
        ? new Deviations().add("new_device", 0.5, sentence, Attack.REMOTE_SYSTEM_DISCOVERY)
        : new Deviations().add("new_device", 0.5, sentence);
  }

  static Finding of(String modelId, String version, TelemetryEvent e, Deviations d, DeviceBaseline device) {
    StringBuilder text = new StringBuilder(256);
    text.append("Industrial device ").append(e.device().ip()).append(" (").append(e.protocol())
        .append(") behaved differently from its learned baseline (")
        .append(device.events).append(" messages observed). ");
    for (String sentence : d.sentences()) {
      text.append(sentence).append(' ');
    }
    text.append("Industrial equipment repeats the same conversations all day, so a change like this deserves a look: "
        + "check whether ").append(e.peer().ip()).append(" is an approved engineering or control host and "
        + "whether maintenance was scheduled. Repeats are not learned as normal and keep being reported.");
    return new Finding(modelId, version, e.timeMicros(), e.device(), e.peer(), e.protocol(), d.score(),
        d.indicators(), d.techniques(), List.of(e), text.toString());
  }
}
