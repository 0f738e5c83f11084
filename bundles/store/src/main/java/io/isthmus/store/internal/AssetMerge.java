package io.isthmus.store.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** How a new sighting of an asset combines with what is stored. */
final class AssetMerge {

  private AssetMerge() {}

  /**
   * Addresses are the union; a field given in {@code update} replaces the stored one, a null keeps it;
   * an {@link Zone#UNKNOWN} zone does not overwrite a known one.
   */
  static Asset merge(Asset stored, Asset update) {
    Set<String> addresses = new LinkedHashSet<>(stored.addresses());
    addresses.addAll(update.addresses());
    Zone zone = update.zone() == Zone.UNKNOWN ? stored.zone() : update.zone();
    return new Asset(
        stored.id(),
        addresses,
        either(update.mac(), stored.mac()),
        update.type(),
        either(update.vendor(), stored.vendor()),
        either(update.model(), stored.model()),
        either(update.firmware(), stored.firmware()),
        update.criticality(),
        zone,
        either(update.location(), stored.location()),
        update.riskScore(),
        update.riskReasons());
  }

  private static @Nullable String either(@Nullable String preferred, @Nullable String fallback) {
    return preferred != null ? preferred : fallback;
  }
}
