package io.isthmus.pipeline.internal;

import io.isthmus.api.json.JsonWriter;
import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ShadowComparison;
import java.time.Instant;
import java.util.List;

/** The JSON of {@code /api/v1/models}. */
final class ModelsJson {
  private ModelsJson() {}

  static String models(List<ModelInfo> models) {
    JsonWriter json = new JsonWriter().beginObject().name("models").beginArray();
    models.forEach(m -> model(json, m));
    return json.endArray().endObject().toString();
  }

  static String model(ModelInfo m) {
    return model(new JsonWriter(), m).toString();
  }

  static String error(String message) {
    return new JsonWriter().beginObject().name("error").value(message).endObject().toString();
  }

  private static JsonWriter model(JsonWriter json, ModelInfo m) {
    json.beginObject()
        .name("id").value(m.modelId())
        .name("activeVersion").value(m.activeVersion())
        .name("shadowVersion").value(m.shadowVersion())
        .name("rollbackAvailable").value(m.rollbackAvailable())
        .name("learning").value(m.learning())
        .name("comparison");
    ShadowComparison c = m.comparison();
    if (c == null) {
      return json.nullValue().endObject();
    }
    return json.beginObject()
        .name("activeVersion").value(c.activeVersion())
        .name("shadowVersion").value(c.shadowVersion())
        .name("since").value(Instant.ofEpochMilli(c.sinceMillis()).toString())
        .name("eventsScoredByBoth").value(c.eventsScoredByBoth())
        .name("activeFindings").value(c.activeFindings())
        .name("shadowFindings").value(c.shadowFindings())
        .name("activeFlags").value(c.activeFlags())
        .name("shadowFlags").value(c.shadowFlags())
        .name("agreedFlags").value(c.agreedFlags())
        .name("agreement").value(c.agreement())
        .name("meanAbsScoreDrift").value(c.meanAbsScoreDrift())
        .endObject()
        .endObject();
  }
}
