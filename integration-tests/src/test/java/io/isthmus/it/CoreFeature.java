package io.isthmus.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundles and launching properties of {@code features/core.json}, so the tests boot exactly
 * what {@code isthmus run} boots. Bundle files come from the launcher's distribution folder
 * (Maven repository layout), built earlier in the same reactor.
 */
final class CoreFeature {

  record RuntimeBundle(String id, File file, int startLevel) {
    String artifactId() {
      return id.split(":")[1];
    }
  }

  private CoreFeature() {}

  static List<RuntimeBundle> bundles() throws IOException {
    List<RuntimeBundle> out = new ArrayList<>();
    for (JsonValue v : read("core").getJsonArray("bundles")) {
      JsonObject b = v.asJsonObject();
      String id = b.getString("id");
      int level = b.containsKey("start-order") ? Integer.parseInt(b.getString("start-order")) : 10;
      out.add(new RuntimeBundle(id, file(id), level));
    }
    return out;
  }

  static Map<String, String> launchingProperties() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    JsonObject ext = read("core").getJsonObject("extensions");
    if (ext != null && ext.containsKey("framework-launching-properties")) {
      for (Map.Entry<String, JsonValue> e : ext.getJsonObject("framework-launching-properties").getJsonObject("json").entrySet()) {
        out.put(e.getKey(), e.getValue() instanceof JsonString s ? s.getString() : e.getValue().toString());
      }
    }
    return out;
  }

  /** The jar of {@code group:artifact:version} in the distribution's system folder. */
  static File file(String id) {
    String[] gav = id.split(":");
    Path jar = Path.of(property("isthmus.it.system"), gav[0].replace('.', '/'), gav[1], gav[2], gav[1] + "-" + gav[2] + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(id + " not found at " + jar + " (build the launcher first: mvn -o -q install -pl bundles/launcher -am -DskipTests)");
    }
    return jar.toFile();
  }

  private static JsonObject read(String feature) throws IOException {
    Path file = Path.of(property("isthmus.it.features"), feature + ".json");
    try (Reader r = Files.newBufferedReader(file); JsonReader json = Json.createReader(r)) {
      return json.readObject();
    }
  }

  static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException("system property " + key + " is not set; run the tests through Maven (failsafe)");
    }
    return value;
  }
}
