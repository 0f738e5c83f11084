package io.isthmus.api.store;

import io.isthmus.api.asset.Asset;
import java.time.Instant;
import java.util.Objects;

/**
 * An asset as the store keeps it, with when it was first and last seen.
 *
 * @param asset the asset, merged over every upsert
 * @param firstSeen time of the first upsert
 * @param lastSeen latest time given to an upsert
 */
public record StoredAsset(Asset asset, Instant firstSeen, Instant lastSeen) {

  public StoredAsset {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }
}
