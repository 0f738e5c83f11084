package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.asset.Zone;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** How a sighting or a registry entry combines with what is stored. The risk score is never changed here. */
final class AssetMerge {

  /** What the store keeps of an asset besides when it was seen. */
  record State(Asset asset, Set<AssetField> registryFields, Map<AssetField, AssetConflict> conflicts) {
    State {
      registryFields = registryFields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(registryFields));
      conflicts = Map.copyOf(conflicts);
    }

    static State empty(String id) {
      return new State(Asset.builder(id).build(), Set.of(), Map.of());
    }
  }

  private AssetMerge() {}

  /**
   * Discovery's view: a known value replaces a discovered one; a registry value stays, and a differing
   * vendor, model or firmware becomes a conflict (a matching one resolves it).
   */
  static State discovered(State stored, Asset seen, Instant at) {
    AssetBuilder merged = unions(stored.asset(), seen);
    Map<AssetField, AssetConflict> conflicts = new EnumMap<>(AssetField.class);
    conflicts.putAll(stored.conflicts());
    for (AssetField field : AssetField.values()) {
      String value = value(seen, field);
      if (value == null) {
        continue;
      }
      if (!stored.registryFields().contains(field)) {
        set(merged, field, value);
      } else if (field.conflictsAreKept()) {
        String registry = value(stored.asset(), field);
        noteConflict(conflicts, stored.asset().id(), field, registry, value, at);
      }
    }
    return new State(merged.build(), stored.registryFields(), conflicts);
  }

  /** The registry's view: its known values replace the stored ones and become registry-owned. */
  static State registry(State stored, Asset entry, Instant at) {
    AssetBuilder merged = unions(stored.asset(), entry);
    Set<AssetField> registryFields = EnumSet.noneOf(AssetField.class);
    registryFields.addAll(stored.registryFields());
    Map<AssetField, AssetConflict> conflicts = new EnumMap<>(AssetField.class);
    conflicts.putAll(stored.conflicts());
    for (AssetField field : AssetField.values()) {
      String value = value(entry, field);
      if (value == null) {
        continue;
      }
      if (field.conflictsAreKept()) {
        AssetConflict open = stored.conflicts().get(field);
        String discovered = stored.registryFields().contains(field)
            ? (open == null ? null : open.discoveredValue())
            : value(stored.asset(), field);
        noteConflict(conflicts, stored.asset().id(), field, value, discovered, at);
      }
      set(merged, field, value);
      registryFields.add(field);
    }
    return new State(merged.build(), registryFields, conflicts);
  }

  private static void noteConflict(Map<AssetField, AssetConflict> conflicts, String assetId, AssetField field,
      @Nullable String registry, @Nullable String discovered, Instant at) {
    if (registry == null || discovered == null || same(registry, discovered)) {
      conflicts.remove(field);
      return;
    }
    AssetConflict open = conflicts.get(field);
    // The same disagreement seen again keeps the time it was first noticed.
    Instant first = open != null && same(open.discoveredValue(), discovered) ? open.firstNoticed() : at;
    conflicts.put(field, new AssetConflict(assetId, field, registry, discovered, first));
  }

  /** "Siemens" and "siemens " are the same vendor. */
  private static boolean same(String a, String b) {
    return a.trim().equalsIgnoreCase(b.trim());
  }

  /** The stored asset with the update's addresses, MAC, protocols, roles, peers and attributes added. */
  private static AssetBuilder unions(Asset stored, Asset update) {
    AssetBuilder merged = stored.toBuilder();
    if (update.mac() != null) {
      merged.mac(update.mac());
    }
    update.addresses().forEach(merged::address);
    update.protocols().forEach(merged::protocol);
    update.roles().forEach(merged::role);
    update.peers().forEach(merged::peer);
    update.attributes().forEach(merged::attribute);
    return merged;
  }

  /** The field's value as text, {@code null} when unknown (type unknown, criticality 0, zone UNKNOWN). */
  static @Nullable String value(Asset asset, AssetField field) {
    return switch (field) {
      case TYPE -> Asset.UNKNOWN_TYPE.equals(asset.type()) ? null : asset.type();
      case CRITICALITY -> asset.criticality() == 0 ? null : Integer.toString(asset.criticality());
      case ZONE -> asset.zone() == Zone.UNKNOWN ? null : asset.zone().name();
      case SITE -> asset.site();
      case LOCATION -> asset.location();
      case OWNER -> asset.owner();
      case VENDOR -> asset.vendor();
      case MODEL -> asset.model();
      case FIRMWARE -> asset.firmware();
    };
  }

  private static void set(AssetBuilder builder, AssetField field, String value) {
    switch (field) {
      case TYPE -> builder.type(value);
      case CRITICALITY -> builder.criticality(Integer.parseInt(value));
      case ZONE -> builder.zone(Zone.valueOf(value));
      case SITE -> builder.site(value);
      case LOCATION -> builder.location(value);
      case OWNER -> builder.owner(value);
      case VENDOR -> builder.vendor(value);
      case MODEL -> builder.model(value);
      case FIRMWARE -> builder.firmware(value);
    }
  }
}
