package io.isthmus.analyze.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.Endpoint;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One JSON object a line per finding: {@code time} (ISO-8601 UTC) and {@code ts} (epoch seconds),
 * {@code sensor}, {@code device}, {@code source}, {@code destination} (each an object with
 * {@code ip}, {@code port} and, where known, {@code device_id}), {@code protocol}, {@code
 * operation}, {@code model}, {@code model_version}, {@code score}, {@code indicators}, {@code
 * techniques} ({@code id}, {@code name}, {@code tactic}), {@code evidence_events} and {@code
 * explanation}.
 */
final class JsonLinesWriter implements FindingWriter {

  @Override
  public void write(List<Finding> findings, Writer out) throws IOException {
    StringBuilder line = new StringBuilder(512);
    for (Finding f : findings) {
      line.setLength(0);
      line(f, line);
      out.write(line.append('\n').toString());
    }
  }

  static void line(Finding f, StringBuilder s) {
    s.append("{\"time\":");
    JsonText.string(s, FindingText.time(f.timeMicros()));
    s.append(",\"ts\":").append(FindingText.epochSeconds(f.timeMicros()));
    field(s, "sensor", FindingText.sensor(f));
    s.append(",\"device\":");
    endpoint(s, f.device());
    s.append(",\"source\":");
    endpoint(s, FindingText.source(f));
    s.append(",\"destination\":");
    endpoint(s, FindingText.destination(f));
    field(s, "protocol", f.protocol());
    field(s, "operation", FindingText.operation(f));
    field(s, "model", f.modelId());
    field(s, "model_version", f.modelVersion());
    s.append(",\"score\":");
    JsonText.number(s, f.score());
    s.append(",\"indicators\":[");
    for (int i = 0; i < f.indicators().size(); i++) {
      s.append(i == 0 ? "" : ",");
      JsonText.string(s, f.indicators().get(i));
    }
    s.append("],\"techniques\":[");
    for (int i = 0; i < f.techniques().size(); i++) {
      Technique t = f.techniques().get(i);
      s.append(i == 0 ? "{" : ",{");
      s.append("\"id\":");
      JsonText.string(s, t.id());
      field(s, "name", t.name());
      field(s, "tactic", t.tactic());
      s.append('}');
    }
    s.append("],\"evidence_events\":").append(f.evidence().size());
    field(s, "explanation", f.explanation());
    s.append('}');
  }

  private static void field(StringBuilder s, String name, String value) {
    s.append(",\"").append(name).append("\":");
    JsonText.string(s, value);
  }

  private static void endpoint(StringBuilder s, Endpoint e) {
    s.append("{\"ip\":");
    JsonText.string(s, e.ip());
    s.append(",\"port\":").append(e.port());
    if (e.deviceId() != null) {
      field(s, "device_id", e.deviceId());
    }
    s.append('}');
  }
}
