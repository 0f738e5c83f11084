package io.isthmus.assets.internal;

import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoreException;
import io.isthmus.api.store.StoredAsset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of {@code /api/v1/assets}, without the servlet API so it can be tested alone:
 * {@code GET /api/v1/assets} (every asset) and {@code GET /api/v1/assets/{id}} (one, with its peers,
 * risk reasons, conflicts, first and last seen). Every error is one JSON message, never a trace.
 */
final class AssetsApi {

  private static final Logger LOG = LoggerFactory.getLogger(AssetsApi.class);

  record Response(int status, String json) {}

  private final AssetStore store;

  AssetsApi(AssetStore store) {
    this.store = store;
  }

  /**
   * @param pathInfo the decoded path after {@code /api/v1/assets}; {@code null} or {@code /} for the collection
   */
  Response handle(String method, @Nullable String pathInfo) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return new Response(405, AssetJson.error("Use GET on /api/v1/assets; the registry is imported with 'isthmus assets import'"));
    }
    String path = pathInfo == null ? "" : pathInfo;
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    try {
      if (path.isEmpty()) {
        return new Response(200, AssetJson.list(store.list()));
      }
      String id = path.substring(1);
      Optional<StoredAsset> found = store.findById(id);
      if (found.isEmpty()) {
        // Discovery names a device by its address until the registry names it: find it either way.
        found = store.findByAddress(id);
      }
      return found.map(a -> new Response(200, AssetJson.one(a)))
          .orElseGet(() -> new Response(404, AssetJson.error("No asset with id or address " + id)));
    } catch (StoreException e) {
      LOG.warn("GET /api/v1/assets{} failed: {}", path, e.toString());
      return new Response(503, AssetJson.error("The asset store is not available; the log has the reason"));
    }
  }
}
