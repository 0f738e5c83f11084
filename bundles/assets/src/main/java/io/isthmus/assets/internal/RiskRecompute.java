package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import io.isthmus.api.vuln.VulnerabilityCatalog;
import io.isthmus.api.vuln.VulnerabilityMatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scores every stored asset and stores the scores that changed. */
final class RiskRecompute {

  private static final Logger LOG = LoggerFactory.getLogger(RiskRecompute.class);

  private RiskRecompute() {}

  /** @return how many assets' scores or reasons changed */
  static int run(AssetStore store, @Nullable VulnerabilityCatalog catalog, RecentFindings findings) {
    List<StoredAsset> assets = store.list();
    Map<String, Zone> zones = new HashMap<>();
    for (StoredAsset stored : assets) {
      stored.asset().addresses().forEach(ip -> zones.put(ip, stored.asset().zone()));
    }
    int changed = 0;
    for (StoredAsset stored : assets) {
      RiskScorer.Score score = RiskScorer.score(inputs(stored.asset(), zones, catalog, findings));
      Asset asset = stored.asset();
      if (score.score() != asset.riskScore() || !score.reasons().equals(asset.riskReasons())) {
        store.setRisk(asset.id(), score.score(), score.reasons());
        changed++;
      }
    }
    return changed;
  }

  static RiskScorer.Inputs inputs(Asset asset, Map<String, Zone> zones, @Nullable VulnerabilityCatalog catalog,
      RecentFindings findings) {
    List<VulnerabilityMatch> matches = List.of();
    String notChecked = null;
    if (catalog == null) {
      notChecked = "no vulnerability catalog is running";
    } else if (asset.vendor() == null || asset.model() == null) {
      notChecked = "vendor or model unknown";
    } else {
      try {
        matches = catalog.match(asset.vendor(), asset.model(), asset.firmware());
      } catch (RuntimeException e) {
        LOG.warn("vulnerability catalog failed for asset {}: {}", asset.id(), e.toString());
        notChecked = "the vulnerability catalog failed (see the log)";
      }
    }
    return new RiskScorer.Inputs(asset, zones, matches, notChecked, findings.count(asset.addresses()));
  }
}
