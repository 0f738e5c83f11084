package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.store.AssetStore;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's risk component: findings from the pipeline raise the stored score of the asset they are about. */
class RiskComponentTest {

  @TempDir
  Path dir;

  private static RiskConfig config() {
    return new RiskConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return RiskConfig.class;
      }

      @Override
      public int intervalSeconds() {
        return 3600;
      }

      @Override
      public int initialDelaySeconds() {
        return 3600; // the test runs the recomputation itself
      }
    };
  }

  @Test
  void findingsAboutAnyAddressOfTheAssetCountAndStopEndsTheThread() throws Exception {
    AssetStore store = TestStores.h2(dir);
    store.importRegistry(Asset.builder("plc-1").address("10.0.0.5").address("10.0.1.5").criticality(4)
        .zone(Zone.OT_CONTROL).build(), Instant.now());
    RiskComponent risk = new RiskComponent(store, config());
    for (String ip : List.of("10.0.0.5", "10.0.1.5", "10.0.9.9")) {
      risk.onFinding(new Finding("semantics", "1", 0, Endpoint.of(ip, 502), Endpoint.of("10.0.0.66", 40000), "modbus",
          0.9, List.of("write_from_new_host"), List.of(), List.of(), "test"));
    }
    risk.recompute();

    Asset plc = store.findById("plc-1").orElseThrow().asset();
    // 24 (criticality 4) + 12 (2 findings: 4 + 4 x 2)
    assertEquals(36, plc.riskScore(), plc.riskReasons().toString());
    assertTrue(plc.riskReasons().contains("12 points: 2 finding(s) in the last 24 h"), plc.riskReasons().toString());

    risk.deactivate();
    assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("isthmus-assets-risk")),
        "the recomputation thread is gone after deactivate");
  }
}
