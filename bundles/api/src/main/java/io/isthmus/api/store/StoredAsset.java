package io.isthmus.api.store;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An asset as the store keeps it: when it was first and last seen, which fields the registry set, and
 * where discovery disagrees with the registry.
 *
 * @param asset the asset, merged over every upsert and registry import
 * @param firstSeen time of the earliest sighting on the network, {@code null} if only the registry knows it
 * @param lastSeen latest sighting, {@code null} if only the registry knows it
 * @param registryFields the fields whose value came from the registry (the rest were discovered)
 * @param conflicts discovered values that differ from the registry's, by field order
 */
public record StoredAsset(Asset asset, @Nullable Instant firstSeen, @Nullable Instant lastSeen,
    Set<AssetField> registryFields, List<AssetConflict> conflicts) {

  public StoredAsset {
    Objects.requireNonNull(asset, "asset");
    if ((firstSeen == null) != (lastSeen == null)) {
      throw new IllegalArgumentException("first and last seen are both known or both unknown");
    }
    registryFields = Set.copyOf(registryFields);
    conflicts = List.copyOf(conflicts);
  }

  /** An asset discovery saw, with nothing from the registry. */
  public StoredAsset(Asset asset, Instant firstSeen, Instant lastSeen) {
    this(asset, firstSeen, lastSeen, Set.of(), List.of());
  }
}
