package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.store.StoredAsset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** An asset's registry columns as the text a registry file holds; empty for unknown values. */
final class RegistryValues {

  private RegistryValues() {}

  /** Column name to cell text, in {@link RegistryFields#COLUMNS} order. */
  static Map<String, String> of(Asset a) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", a.id());
    values.put("addresses", a.addresses().stream().sorted().collect(Collectors.joining(";")));
    values.put("mac", text(a.mac()));
    values.put("type", Asset.UNKNOWN_TYPE.equals(a.type()) ? "" : a.type());
    values.put("criticality", a.criticality() == 0 ? "" : Integer.toString(a.criticality()));
    values.put("zone", ZoneNames.label(a.zone()));
    values.put("site", text(a.site()));
    values.put("location", text(a.location()));
    values.put("owner", text(a.owner()));
    values.put("vendor", text(a.vendor()));
    values.put("model", text(a.model()));
    values.put("firmware", text(a.firmware()));
    return values;
  }

  /** The open conflicts in one cell: {@code firmware: registry 2.9.4, seen 2.8.0 since 2026-04-02T09:00:00Z; ...}. */
  static String conflicts(StoredAsset stored) {
    return stored.conflicts().stream().map(RegistryValues::conflict).collect(Collectors.joining("; "));
  }

  static String conflict(AssetConflict c) {
    return c.field().key() + ": registry " + c.registryValue() + ", seen " + c.discoveredValue() + " since " + c.firstNoticed();
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }
}
