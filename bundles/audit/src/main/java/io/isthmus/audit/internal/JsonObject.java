package io.isthmus.audit.internal;

import io.isthmus.api.governance.AuditRecord;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** Writes one JSON object member by member; the audit log stores it in canonical form. */
final class JsonObject {

  private final StringBuilder json = new StringBuilder("{");

  JsonObject put(String key, @Nullable String value) {
    return raw(key, value == null ? "null" : AuditRecord.quote(value));
  }

  JsonObject put(String key, long value) {
    return raw(key, Long.toString(value));
  }

  JsonObject put(String key, double value) {
    return raw(key, Double.isFinite(value) ? Double.toString(value) : "null");
  }

  JsonObject put(String key, JsonObject value) {
    return raw(key, value.toString());
  }

  JsonObject putStrings(String key, Collection<String> values) {
    StringBuilder array = new StringBuilder("[");
    for (String value : values) {
      array.append(array.length() > 1 ? "," : "").append(AuditRecord.quote(value));
    }
    return raw(key, array.append(']').toString());
  }

  JsonObject putObjects(String key, Collection<JsonObject> values) {
    StringBuilder array = new StringBuilder("[");
    for (JsonObject value : values) {
      array.append(array.length() > 1 ? "," : "").append(value);
    }
    return raw(key, array.append(']').toString());
  }

  private JsonObject raw(String key, String valueJson) {
    json.append(json.length() > 1 ? "," : "").append(AuditRecord.quote(key)).append(':').append(valueJson);
    return this;
  }

  @Override
  public String toString() {
    return json + "}";
  }
}
