package io.isthmus.api.store;

import io.isthmus.api.asset.Asset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The persistent asset inventory, as a service. Methods throw {@link StoreException} when the database fails. */
@ProviderType
public interface AssetStore {

  /**
   * Adds the asset, or merges it into the stored asset with the same id: addresses are added to the
   * known ones, fields given here replace stored ones, {@code null} fields keep the stored value.
   *
   * @param seenAt when the asset was seen; first seen keeps the earliest, last seen the latest
   * @return the asset as stored after the merge
   */
  StoredAsset upsert(Asset asset, Instant seenAt);

  /** The asset that uses this IP address, if any. */
  Optional<StoredAsset> findByAddress(String ip);

  /** The asset with this id, if any. */
  Optional<StoredAsset> findById(String id);

  /** Every asset, ordered by id. */
  List<StoredAsset> list();
}
