package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What reading a registry file gave: the entries in file order, and each rejected row with its reason. */
final class RegistryRead {

  /** A registry entry and the line it starts on. */
  record Entry(Asset asset, int line) {}

  private final String file;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> lineOfId = new HashMap<>();
  private final List<String> rejections = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  RegistryRead(String file) {
    this.file = file;
  }

  /** Takes the row's cells (lower-case column names) as an entry, or rejects the row with the reason. */
  void row(int line, Map<String, String> cells) {
    try {
      Asset asset = RegistryFields.entry(cells);
      Integer earlier = lineOfId.putIfAbsent(asset.id(), line);
      if (earlier != null) {
        reject(line, "id '" + asset.id() + "' was already given on line " + earlier);
        return;
      }
      entries.add(new Entry(asset, line));
    } catch (RegistryFields.BadRow e) {
      reject(line, e.getMessage());
    }
  }

  void reject(int line, String reason) {
    rejections.add(file + ":" + line + ": " + reason);
  }

  /** Something about the file as a whole that is not an error, e.g. an ignored column. */
  void note(String message) {
    notes.add(file + ": " + message);
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** One line per rejected row: {@code file:line: reason}. */
  List<String> rejections() {
    return List.copyOf(rejections);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }
}
