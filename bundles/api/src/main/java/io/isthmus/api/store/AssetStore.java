package io.isthmus.api.store;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The persistent asset inventory, as a service: what discovery sees merged with the site's registry.
 * Methods throw {@link StoreException} when the database fails.
 *
 * <p>Merging: addresses, protocols, roles, peers and attributes are unions; an unknown value (null,
 * type {@code unknown}, criticality 0, zone UNKNOWN) never overwrites a known one. An IP address
 * belongs to one asset at a time. Peers are bounded: at most {@link #MAX_PEERS_KEPT} are kept per
 * asset, {@link Asset#peers()} shows at most {@link #MAX_PEERS_SHOWN} of them and the attribute
 * {@link #PEER_COUNT} gives how many are kept.
 */
@ProviderType
public interface AssetStore {

  /** Peers kept per asset (and counted in {@link #PEER_COUNT}); further peers are not recorded. */
  int MAX_PEERS_KEPT = 1024;

  /** Peers an asset read from the store carries in {@link Asset#peers()}. */
  int MAX_PEERS_SHOWN = 256;

  /** Attribute with the number of distinct peers kept, up to {@link #MAX_PEERS_KEPT}. */
  String PEER_COUNT = "peer_count";

  /**
   * Adds what discovery saw, or merges it into the stored asset with the same id. A known value
   * replaces a discovered one, but never a value the registry set (see {@link io.isthmus.api.asset.AssetField});
   * a differing vendor, model or firmware is kept as a conflict instead, and a matching one resolves it.
   * If no asset has this id, the id is one of the asset's addresses (discovery names a device by its IP
   * address) and another asset holds that address, the sighting merges into that asset: once the
   * registry names a device, discovery keeps updating it under the registry's id. The risk score is
   * not changed (see {@link #setRisk}).
   *
   * @param seenAt when the asset was seen; first seen keeps the earliest, last seen the latest
   * @return the asset as stored after the merge
   */
  StoredAsset upsert(Asset asset, Instant seenAt);

  /**
   * Applies one entry of the site's registry: its known fields replace the stored ones and are marked
   * as set by the registry; unknown fields leave the stored values as they are. An asset that discovery
   * created under one of these addresses as its id is folded into this one. A discovered vendor, model or
   * firmware that differs from the registry's becomes a conflict. First and last seen are not changed.
   *
   * @param importedAt when the registry was imported (first noticed of new conflicts)
   * @return the asset as stored after the import
   */
  StoredAsset importRegistry(Asset entry, Instant importedAt);

  /** Sets the risk score and its reasons (most important first); false if no asset has this id. */
  boolean setRisk(String id, int score, List<String> reasons);

  /** Removes the asset and everything kept about it; false if no asset has this id. */
  boolean delete(String id);

  /** The asset that uses this IP address, if any. */
  Optional<StoredAsset> findByAddress(String ip);

  /** The asset with this id, if any. */
  Optional<StoredAsset> findById(String id);

  /** Every asset, ordered by id. */
  List<StoredAsset> list();

  /** Every open conflict between discovery and the registry, ordered by asset id and field. */
  List<AssetConflict> conflicts();
}
