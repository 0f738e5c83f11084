package io.isthmus.health.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something wrong that health reports: a bundle that did not start, a component that failed, a
 * deploy file or configuration value that was rejected.
 *
 * @param kind {@code bundle}, {@code component}, {@code deploy} or {@code config}
 * @param subject what it is about (bundle symbolic name, component name, file name, pid)
 * @param reason why, in one line
 * @param details further fields for the JSON report
 */
record Problem(String kind, String subject, String reason, Map<String, Object> details) {

  Problem {
    details = Map.copyOf(details);
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("subject", subject);
    json.putAll(details);
    json.put("reason", reason);
    return json;
  }
}
