package io.isthmus.analyze.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.json.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
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
    JsonWriter json = new JsonWriter(s).beginObject()
        .name("time").value(FindingText.time(f.timeMicros()))
        .name("ts").value(new BigDecimal(FindingText.epochSeconds(f.timeMicros())))
        .name("sensor").value(FindingText.sensor(f));
    endpoint(json.name("device"), f.device());
    endpoint(json.name("source"), FindingText.source(f));
    endpoint(json.name("destination"), FindingText.destination(f));
    json.name("protocol").value(f.protocol())
        .name("operation").value(FindingText.operation(f))
        .name("model").value(f.modelId())
        .name("model_version").value(f.modelVersion());
    number(json.name("score"), f.score())
        .name("indicators").write(f.indicators())
        .name("techniques").beginArray();
    for (Technique t : f.techniques()) {
      json.beginObject().name("id").value(t.id()).name("name").value(t.name()).name("tactic").value(t.tactic())
          .endObject();
    }
    json.endArray()
        .name("evidence_events").value(f.evidence().size())
        .name("explanation").value(f.explanation())
        .endObject();
  }

  /** A finite number, whole ones without a fraction ({@code 1}, not {@code 1.0}). */
  static JsonWriter number(JsonWriter json, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no " + value);
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? json.value((long) value) : json.value(value);
  }

  private static void endpoint(JsonWriter json, Endpoint e) {
    json.beginObject().name("ip").value(e.ip()).name("port").value(e.port());
    if (e.deviceId() != null) {
      json.name("device_id").value(e.deviceId());
    }
    json.endObject();
  }
}
