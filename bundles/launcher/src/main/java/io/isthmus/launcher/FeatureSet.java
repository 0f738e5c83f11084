package io.isthmus.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.feature.impl.FeatureServiceImpl;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.FeatureConfiguration;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;
import org.osgi.service.feature.ID;

/**
 * The union of one or more OSGi feature files (OSGi Features 1.0, read with Apache Felix's
 * implementation): bundles in start order, framework properties, configurations.
 */
final class FeatureSet {
  static final String LAUNCHING_PROPERTIES = "framework-launching-properties";

  record BundleEntry(ID id, int startOrder, String feature) {}

  private final List<Feature> features;
  private final List<BundleEntry> bundles;
  private final Map<String, String> frameworkProperties;
  private final Map<String, Map<String, Object>> configurations;
  private final Map<String, Object> declaredVariables;

  private FeatureSet(List<Feature> features) {
    this.features = List.copyOf(features);
    Map<String, BundleEntry> byKey = new LinkedHashMap<>();
    Map<String, String> props = new LinkedHashMap<>();
    Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Feature f : features) {
      variables.putAll(f.getVariables());
      for (FeatureBundle b : f.getBundles()) {
        ID id = b.getID();
        String key = id.getGroupId() + ":" + id.getArtifactId();
        BundleEntry previous = byKey.get(key);
        if (previous != null && !previous.id().getVersion().equals(id.getVersion())) {
          throw new UsageException("features " + previous.feature() + " and " + f.getID() + " ask for different versions of "
              + key + " (" + previous.id().getVersion() + ", " + id.getVersion() + ")");
        }
        byKey.put(key, new BundleEntry(id, startOrder(b, f), f.getID().toString()));
      }
      props.putAll(launchingProperties(f));
      for (Map.Entry<String, FeatureConfiguration> c : f.getConfigurations().entrySet()) {
        configs.put(c.getKey(), new LinkedHashMap<>(c.getValue().getValues()));
      }
    }
    List<BundleEntry> sorted = new ArrayList<>(byKey.values());
    sorted.sort(Comparator.comparingInt(BundleEntry::startOrder));
    this.bundles = List.copyOf(sorted);
    this.frameworkProperties = Map.copyOf(props);
    this.configurations = Map.copyOf(configs);
    this.declaredVariables = java.util.Collections.unmodifiableMap(variables);
  }

  static FeatureSet read(List<Path> files) {
    FeatureService service = new FeatureServiceImpl();
    List<Feature> features = new ArrayList<>();
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file)) {
        features.add(service.readFeature(reader));
      } catch (NoSuchFileException e) {
        throw new UsageException("feature file " + file + " does not exist");
      } catch (IOException e) {
        throw new UsageException("feature file " + file + " cannot be read: " + e.getMessage());
      } catch (RuntimeException e) {
        throw new UsageException("feature file " + file + " is not a valid OSGi feature: " + oneLine(e));
      }
    }
    return new FeatureSet(features);
  }

  /** The spec's {@code framework-launching-properties} extension: a JSON object of string values. */
  private static Map<String, String> launchingProperties(Feature f) {
    FeatureExtension ext = f.getExtensions().get(LAUNCHING_PROPERTIES);
    if (ext == null) {
      return Map.of();
    }
    if (ext.getType() != FeatureExtension.Type.JSON) {
      throw new UsageException("feature " + f.getID() + ": extension " + LAUNCHING_PROPERTIES + " must be of type json");
    }
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonReader reader = Json.createReader(new StringReader(ext.getJSON()))) {
      JsonObject json = reader.readObject();
      for (Map.Entry<String, JsonValue> e : json.entrySet()) {
        JsonValue v = e.getValue();
        out.put(e.getKey(), v instanceof JsonString js ? js.getString() : v.toString());
      }
    } catch (RuntimeException e) {
      throw new UsageException("feature " + f.getID() + ": extension " + LAUNCHING_PROPERTIES + " is not a JSON object: "
          + oneLine(e));
    }
    return out;
  }

  private static int startOrder(FeatureBundle b, Feature f) {
    Object order = b.getMetadata().get("start-order");
    if (order == null) {
      return 10;
    }
    try {
      return Integer.parseInt(order.toString().trim());
    } catch (NumberFormatException e) {
      throw new UsageException("feature " + f.getID() + ": bundle " + b.getID() + " has start-order '" + order
          + "', which is not a whole number");
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replace('\n', ' ');
  }

  List<Feature> features() {
    return features;
  }

  List<BundleEntry> bundles() {
    return bundles;
  }

  /** Launching properties with variables substituted. */
  Map<String, String> frameworkProperties(Map<String, String> launcherVariables) {
    Variables vars = Variables.of(declaredVariables, launcherVariables);
    Map<String, String> out = new LinkedHashMap<>();
    frameworkProperties.forEach((k, v) -> out.put(k, vars.substitute(v, "launching property " + k)));
    return out;
  }

  /** Configurations by PID with variables substituted. */
  Map<String, Map<String, Object>> configurations(Map<String, String> launcherVariables) {
    Variables vars = Variables.of(declaredVariables, launcherVariables);
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    configurations.forEach((pid, config) -> out.put(pid, vars.substituteAll(config, "configuration " + pid)));
    return out;
  }
}
