package io.isthmus.pipeline.internal;

import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ShadowComparison;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of {@code /api/v1/models}: no library, the shapes are small and fixed. */
final class ModelsJson {
  private ModelsJson() {}

  static String models(List<ModelInfo> models) {
    StringBuilder b = new StringBuilder("{\"models\":[");
    for (int i = 0; i < models.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      model(b, models.get(i));
    }
    return b.append("]}").toString();
  }

  static String model(ModelInfo m) {
    return model(new StringBuilder(), m).toString();
  }

  static String error(String message) {
    return "{\"error\":" + string(message) + "}";
  }

  private static StringBuilder model(StringBuilder b, ModelInfo m) {
    b.append("{\"id\":").append(string(m.modelId()))
        .append(",\"activeVersion\":").append(string(m.activeVersion()))
        .append(",\"shadowVersion\":").append(string(m.shadowVersion()))
        .append(",\"rollbackAvailable\":").append(m.rollbackAvailable())
        .append(",\"learning\":").append(m.learning())
        .append(",\"comparison\":");
    ShadowComparison c = m.comparison();
    if (c == null) {
      return b.append("null}");
    }
    return b.append("{\"activeVersion\":").append(string(c.activeVersion()))
        .append(",\"shadowVersion\":").append(string(c.shadowVersion()))
        .append(",\"since\":").append(string(java.time.Instant.ofEpochMilli(c.sinceMillis()).toString()))
        .append(",\"eventsScoredByBoth\":").append(c.eventsScoredByBoth())
        .append(",\"activeFindings\":").append(c.activeFindings())
        .append(",\"shadowFindings\":").append(c.shadowFindings())
        .append(",\"activeFlags\":").append(c.activeFlags())
        .append(",\"shadowFlags\":").append(c.shadowFlags())
        .append(",\"agreedFlags\":").append(c.agreedFlags())
        .append(",\"agreement\":").append(number(c.agreement()))
        .append(",\"meanAbsScoreDrift\":").append(number(c.meanAbsScoreDrift()))
        .append("}}");
  }

  private static String number(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }

  static String string(@Nullable String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
