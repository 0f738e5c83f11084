package io.isthmus.discovery.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the devices whose facts are due to the asset store, one upsert each (two the first time,
 * so the store learns both the first and the last time the device was seen). One flush at a time.
 */
final class StoreFlush {
  private final DeviceTable table;
  private final OuiRegistry oui;
  /** Devices the store knows a protocol-stated vendor for: a MAC vendor must not replace it. */
  private final Set<String> statedVendorStored = ConcurrentHashMap.newKeySet();

  StoreFlush(DeviceTable table, OuiRegistry oui) {
    this.table = table;
    this.oui = oui;
  }

  /**
   * Writes every due device; stops at the first store failure, leaving that device and the rest due.
   *
   * @param includeSeenOnly also devices whose only news is a later last-seen time
   * @return devices written
   * @throws RuntimeException what the store threw ({@link io.isthmus.api.store.StoreException} mostly)
   */
  synchronized int flush(AssetStore store, boolean includeSeenOnly) {
    Assets assets = new Assets(oui, table.sharedMacs(), table::isSilent);
    int written = 0;
    for (DeviceFacts facts : table.all()) {
      DeviceSnapshot due = facts.takeDue(includeSeenOnly);
      if (due == null) {
        continue;
      }
      try {
        write(store, assets, due);
      } catch (RuntimeException e) {
        facts.notFlushed(due);
        throw e;
      }
      written++;
    }
    table.evictStoredIfNearlyFull();
    return written;
  }

  private void write(AssetStore store, Assets assets, DeviceSnapshot s) {
    Asset asset = assets.of(s);
    if (Assets.vendorFromMac(asset)) {
      if (!s.flushedBefore() && Assets.statedVendor(store.findByAddress(s.ip()).map(StoredAsset::asset).orElse(null))) {
        statedVendorStored.add(s.ip());
      }
      if (statedVendorStored.contains(s.ip())) {
        asset = assets.of(s, false);
      }
    }
    if (!s.flushedBefore() && s.firstMicros() != s.lastMicros()) {
      store.upsert(asset, s.firstSeen());
    }
    store.upsert(asset, s.lastSeen());
  }
}
