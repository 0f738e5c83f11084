package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.StoredAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The inventory as an aligned text table for a terminal. */
final class AssetTable {

  private static final List<String> HEADER = List.of("ID", "ADDRESSES", "TYPE", "VENDOR", "MODEL", "FIRMWARE",
      "CRIT", "ZONE", "RISK", "PROTOCOLS", "CONFLICTS");
  private static final int MAX_CELL = 40;

  private AssetTable() {}

  static String render(List<StoredAsset> assets) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (StoredAsset stored : assets) {
      Asset a = stored.asset();
      rows.add(List.of(a.id(), a.addresses().stream().sorted().collect(Collectors.joining(" ")), a.type(),
          dash(a.vendor()), dash(a.model()), dash(a.firmware()), a.criticality() == 0 ? "-" : Integer.toString(a.criticality()),
          a.zone() == Zone.UNKNOWN ? "-" : ZoneNames.label(a.zone()), Integer.toString(a.riskScore()),
          a.protocols().isEmpty() ? "-" : a.protocols().stream().sorted().collect(Collectors.joining(" ")),
          stored.conflicts().isEmpty() ? "-" : stored.conflicts().stream().map(AssetTable::conflict).collect(Collectors.joining("; "))));
    }
    int columns = HEADER.size();
    int[] widths = new int[columns];
    // The last column (conflicts) is not padded, so it is shown whole.
    List<List<String>> cells = rows.stream().map(r -> {
      List<String> fitted = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        fitted.add(fit(r.get(c), c < columns - 1 ? MAX_CELL : Integer.MAX_VALUE));
      }
      return fitted;
    }).toList();
    for (List<String> row : cells) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : cells) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row.get(c));
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row.get(c).length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append(assets.size()).append(" asset(s)");
    long conflicts = assets.stream().mapToLong(s -> s.conflicts().size()).sum();
    if (conflicts > 0) {
      out.append(", ").append(conflicts).append(" conflict(s) between the registry and discovery");
    }
    return out.append('\n').toString();
  }

  private static String conflict(AssetConflict c) {
    return c.field().key() + " " + c.registryValue() + " (registry) vs " + c.discoveredValue() + " (seen)";
  }

  private static String dash(@Nullable String value) {
    return value == null ? "-" : value;
  }

  /** One line, at most {@code max} characters; a control character in discovered text never reaches the terminal. */
  private static String fit(String cell, int max) {
    String clean = cell.replaceAll("\\p{Cntrl}", " ");
    return clean.length() <= max ? clean : clean.substring(0, max - 3) + "...";
  }
}
