package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import io.isthmus.api.asset.Zone;
import org.jspecify.annotations.Nullable;

/** How a new sighting of an asset combines with what is stored. */
final class AssetMerge {

  private AssetMerge() {}

  /**
   * Sets and attributes are unions; a field given in {@code update} replaces the stored one, an unknown
   * value (null, type unknown, criticality 0, zone UNKNOWN) keeps it.
   */
  static Asset merge(Asset stored, Asset update) {
    AssetBuilder merged = stored.toBuilder()
        .mac(either(update.mac(), stored.mac()))
        .vendor(either(update.vendor(), stored.vendor()))
        .model(either(update.model(), stored.model()))
        .firmware(either(update.firmware(), stored.firmware()))
        .site(either(update.site(), stored.site()))
        .location(either(update.location(), stored.location()))
        .owner(either(update.owner(), stored.owner()))
        .risk(update.riskScore(), update.riskReasons());
    if (!Asset.UNKNOWN_TYPE.equals(update.type())) {
      merged.type(update.type());
    }
    if (update.criticality() != 0) {
      merged.criticality(update.criticality());
    }
    if (update.zone() != Zone.UNKNOWN) {
      merged.zone(update.zone());
    }
    update.addresses().forEach(merged::address);
    update.protocols().forEach(merged::protocol);
    update.roles().forEach(merged::role);
    update.peers().forEach(merged::peer);
    update.attributes().forEach(merged::attribute);
    return merged.build();
  }

  private static @Nullable String either(@Nullable String preferred, @Nullable String fallback) {
    return preferred != null ? preferred : fallback;
  }
}
