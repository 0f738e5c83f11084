package io.isthmus.assets.internal;

import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.store.StoredAsset;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The registry as YAML: {@code assets:} (or the document itself) is a list of mappings with the registry
 * columns as keys; {@code addresses} is a list or a ;-separated string. Read as a node tree (SnakeYAML
 * Engine, YAML 1.2) so every value stays the text written ({@code firmware: 2.10} is "2.10", not 2.1), each
 * entry keeps its line, and no Java object is ever constructed from the file.
 */
final class RegistryYaml {

  private RegistryYaml() {}

  static RegistryRead read(Reader in, String file) {
    RegistryRead read = new RegistryRead(file);
    LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50).setCodePointLimit(64 * 1024 * 1024).build();
    Optional<Node> document;
    try {
      document = new Compose(settings).composeReader(in);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
      read.reject(line, "not valid YAML (" + e.getProblem() + "); nothing in the file was imported");
      return read;
    } catch (YamlEngineException e) {
      read.reject(1, "not valid YAML (" + e.getMessage() + "); nothing in the file was imported");
      return read;
    }
    if (document.isEmpty()) {
      read.reject(1, "the file is empty; it must be a list of assets, or a mapping with the key assets");
      return read;
    }
    Node list = document.get();
    if (list instanceof MappingNode root) {
      list = root.getValue().stream().filter(t -> "assets".equals(scalar(t.getKeyNode())))
          .map(NodeTuple::getValueNode).findFirst().orElse(null);
    }
    if (!(list instanceof SequenceNode entries)) {
      read.reject(line(document.get()), "expected a list of assets (or a mapping with the key assets holding one)");
      return read;
    }
    for (Node node : entries.getValue()) {
      if (!(node instanceof MappingNode entry)) {
        read.reject(line(node), "an asset must be a mapping of column: value");
        continue;
      }
      row(read, entry);
    }
    return read;
  }

  private static void row(RegistryRead read, MappingNode entry) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (NodeTuple tuple : entry.getValue()) {
      String key = scalar(tuple.getKeyNode());
      if (key == null) {
        read.reject(line(tuple.getKeyNode()), "a key must be a plain name");
        return;
      }
      String column = key.trim().toLowerCase(Locale.ROOT);
      if (!RegistryFields.COLUMNS.contains(column)) {
        if (!RegistryFields.READ_ONLY.contains(column)) {
          read.note("line " + line(tuple.getKeyNode()) + ": key '" + key + "' is not a registry column and was ignored");
        }
        continue;
      }
      Node value = tuple.getValueNode();
      if (value instanceof SequenceNode items && column.equals("addresses")) {
        List<String> addresses = new ArrayList<>();
        for (Node item : items.getValue()) {
          String text = scalar(item);
          if (text == null) {
            read.reject(line(item), "addresses must be a list of IP addresses");
            return;
          }
          addresses.add(text);
        }
        cells.put(column, String.join(";", addresses));
      } else if (value instanceof ScalarNode) {
        String text = scalar(value);
        cells.put(column, text == null ? "" : text);
      } else {
        read.reject(line(value), column + " must be a single value");
        return;
      }
    }
    read.row(line(entry), cells);
  }

  /** The text of a scalar; {@code null} for YAML's null ({@code ~}, {@code null}, nothing) and other nodes. */
  private static @Nullable String scalar(Node node) {
    if (node instanceof ScalarNode scalar) {
      String text = scalar.getValue();
      boolean plainNull = scalar.isPlain() && (text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null"));
      return plainNull ? null : text;
    }
    return null;
  }

  private static int line(Node node) {
    return node.getStartMark().map(Mark::getLine).orElse(0) + 1;
  }

  static void write(List<StoredAsset> assets, Writer out) throws IOException {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (StoredAsset stored : assets) {
      Map<String, Object> entry = new LinkedHashMap<>();
      RegistryValues.of(stored.asset()).forEach((column, value) -> {
        if (column.equals("addresses")) {
          entry.put(column, stored.asset().addresses().stream().sorted().collect(Collectors.toList()));
        } else if (column.equals("criticality") && !value.isEmpty()) {
          entry.put(column, Integer.parseInt(value));
        } else if (!value.isEmpty()) {
          entry.put(column, value);
        }
      });
      if (!stored.conflicts().isEmpty()) {
        entry.put("conflicts", stored.conflicts().stream().map(RegistryYaml::conflict).toList());
      }
      entries.add(entry);
    }
    DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
    out.write("# Isthmus asset registry. 'conflicts' is written for reading and ignored by import.\n");
    out.write(new Dump(settings).dumpToString(Map.of("assets", entries)));
    out.flush();
  }

  private static Map<String, Object> conflict(AssetConflict c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("field", c.field().key());
    map.put("registry", c.registryValue());
    map.put("seen", c.discoveredValue());
    map.put("since", c.firstNoticed().toString());
    return map;
  }
}
