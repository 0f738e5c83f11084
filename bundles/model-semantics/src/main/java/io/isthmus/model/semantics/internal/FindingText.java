package io.isthmus.model.semantics.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;

/** Turns a rule's hit into the finding an analyst reads. */
final class FindingText {
  private FindingText() {}

  static Finding finding(String modelId, String version, Hit hit, TelemetryEvent event, long heldBack) {
    List<String> indicators = new ArrayList<>(hit.indicators().size() + 2);
    indicators.add(hit.rule());
    indicators.addAll(hit.indicators());
    if (heldBack > 0) {
      indicators.add("repeats_since_last_finding:" + heldBack);
    }
    return new Finding(modelId, version, event.timeMicros(), event.device(), event.peer(), event.protocol(),
        hit.score(), indicators, hit.techniques(), List.of(event), explanation(hit, event, heldBack));
  }

  static String explanation(Hit hit, TelemetryEvent event, long heldBack) {
    StringBuilder b = new StringBuilder(400);
    b.append("Host ").append(event.peer().ip()).append(' ').append(hit.action()).append(' ')
        .append(device(event.device())).append(" (").append(event.protocol()).append(' ')
        .append(event.operation()).append("). ").append(hit.consequence());
    if (heldBack > 0) {
      b.append(" The same thing happened ").append(heldBack)
          .append(" more times since the previous finding about it; those were counted, not reported one by one.");
    }
    b.append(" Unless this was planned engineering work, confirm with the site's operations team who sent it, "
        + "and contain host ").append(event.peer().ip()).append(" if nobody recognises it.");
    return b.toString();
  }

  private static String device(Endpoint device) {
    return device.deviceId() == null ? device.ip() : device.ip() + " [address " + device.deviceId() + "]";
  }
}
