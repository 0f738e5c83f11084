package io.isthmus.discovery.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoreException;
import io.isthmus.api.store.StoredAsset;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link AssetStore} that records the upserts it is given (a proxy, so methods discovery does not
 * call need no stand-ins); can fail a number of upserts first, and answer lookups from a map.
 */
final class RecordingStore {
  record Upsert(Asset asset, Instant seenAt) {}

  final List<Upsert> upserts = new ArrayList<>();
  final Map<String, StoredAsset> byAddress = new HashMap<>();
  final AtomicInteger failuresLeft = new AtomicInteger();
  final AssetStore store = (AssetStore) Proxy.newProxyInstance(AssetStore.class.getClassLoader(),
      new Class<?>[] {AssetStore.class}, (proxy, method, args) -> switch (method.getName()) {
        case "upsert" -> upsert((Asset) args[0], (Instant) args[1]);
        case "findByAddress" -> Optional.ofNullable(byAddress.get((String) args[0]));
        case "toString" -> "recording store";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> throw new UnsupportedOperationException(method.getName());
      });

  private synchronized StoredAsset upsert(Asset asset, Instant seenAt) {
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new StoreException("the database is down", new java.io.IOException("connection refused"));
    }
    upserts.add(new Upsert(asset, seenAt));
    return new StoredAsset(asset, seenAt, seenAt);
  }

  synchronized List<Upsert> upserts() {
    return List.copyOf(upserts);
  }

  /** Per asset id: the earliest and the latest time upserted, as the store keeps first and last seen. */
  synchronized Map<String, Instant[]> seen() {
    Map<String, Instant[]> seen = new HashMap<>();
    for (Upsert u : upserts) {
      seen.merge(u.asset().id(), new Instant[] {u.seenAt(), u.seenAt()}, (a, b) -> new Instant[] {
          a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    return seen;
  }
}
