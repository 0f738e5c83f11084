package io.isthmus.assets.internal;

import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies a read registry file to the store, entry by entry (each its own transaction). */
final class RegistryImport {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryImport.class);

  /**
   * @param imported entries applied
   * @param created of those, assets the store did not have
   * @param conflicts open conflicts on the imported assets after the import
   */
  record Summary(String file, int imported, int created, int conflicts, List<String> rejections, List<String> notes) {

    /** One line for people: what was imported, and what was not. */
    String text() {
      String line = "imported " + imported + " asset(s) from " + file + " (" + created + " new, " + (imported - created)
          + " updated); " + conflicts + " conflict(s) with discovered values open";
      if (!rejections.isEmpty()) {
        line += "; " + rejections.size() + " row(s) rejected (listed above), the other rows were imported";
      }
      return line;
    }
  }

  private RegistryImport() {}

  static Summary apply(AssetStore store, RegistryRead read, String file, Instant at) {
    // INFO: the command prints each rejection itself; at WARN a terminal would show it twice.
    read.rejections().forEach(r -> LOG.info("registry row rejected: {}", r));
    int created = 0;
    int conflicts = 0;
    for (RegistryRead.Entry entry : read.entries()) {
      boolean known = store.findById(entry.asset().id()).isPresent();
      StoredAsset stored = store.importRegistry(entry.asset(), at);
      created += known ? 0 : 1;
      conflicts += stored.conflicts().size();
    }
    Summary summary = new Summary(file, read.entries().size(), created, conflicts, read.rejections(), read.notes());
    LOG.info("registry: {}", summary.text());
    return summary;
  }
}
