package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database behind the store must show; subclasses supply a fresh, empty database
 * and also implement {@link RegistryMergeContract}.
 */
abstract class AssetStoreContract {

  private static final Instant T1 = Instant.parse("2026-03-01T10:00:00.123456Z");
  private static final Instant T2 = Instant.parse("2026-03-02T11:30:00Z");

  private JdbcAssetStore store;

  /** The store under test, on a freshly migrated database. */
  public JdbcAssetStore store() {
    return store;
  }

  /** A data source for the test's database; each call opens it anew, as after a restart. */
  abstract DataSource openDatabase();

  /** Runs before each test, before the schema is migrated; may skip the test with an assumption. */
  void prepareDatabase() throws Exception {}

  @BeforeEach
  void migrate() throws Exception {
    prepareDatabase();
    assertEquals(2, Migrations.migrate(openDatabase(), JdbcAssetStore.AREA), "V1 and V2 apply once to an empty database");
    store = new JdbcAssetStore(openDatabase());
  }

  static Asset plc(String id, Set<String> addresses, @Nullable String vendor, @Nullable String model, Zone zone) {
    AssetBuilder b = Asset.builder(id).type("plc").vendor(vendor).model(model).criticality(4).zone(zone).risk(10, List.of());
    addresses.forEach(b::address);
    return b.build();
  }

  @Test
  void upsertMergesWithStoredAsset() {
    store.upsert(Asset.builder("plc-1").address("10.0.0.5").mac("00:11:22:33:44:55").type("plc")
        .vendor("Schneider").firmware("2.1").criticality(5).zone(Zone.OT_CONTROL).site("Lyon / hall 2")
        .risk(40, List.of("exposed to IT", "old firmware")).build(), T1);

    StoredAsset merged = store.upsert(plc("plc-1", Set.of("10.0.1.5"), null, "M340", Zone.UNKNOWN), T2);

    StoredAsset found = store.findById("plc-1").orElseThrow();
    assertEquals(merged, found, "upsert returns what a read gives back");
    Asset asset = found.asset();
    assertEquals(Set.of("10.0.0.5", "10.0.1.5"), asset.addresses());
    assertEquals("00:11:22:33:44:55", asset.mac(), "null mac keeps the stored one");
    assertEquals("Schneider", asset.vendor());
    assertEquals("M340", asset.model(), "a given field replaces the stored one");
    assertEquals("2.1", asset.firmware());
    assertEquals(Zone.OT_CONTROL, asset.zone(), "UNKNOWN does not overwrite a known zone");
    assertEquals("Lyon / hall 2", asset.site());
    assertEquals(4, asset.criticality());
    assertEquals(0, asset.riskScore(), "only setRisk sets the risk score");
    assertEquals(List.of(), asset.riskReasons());
    assertEquals(T1, found.firstSeen());
    assertEquals(T2, found.lastSeen());
    assertEquals(1, store.list().size());
  }

  @Test
  void earlierSightingMovesFirstSeenOnly() {
    store.upsert(plc("hmi-1", Set.of("10.0.0.9"), null, null, Zone.OT_SUPERVISORY), T2);
    StoredAsset stored = store.upsert(plc("hmi-1", Set.of("10.0.0.9"), null, null, Zone.OT_SUPERVISORY), T1);
    assertEquals(T1, stored.firstSeen());
    assertEquals(T2, stored.lastSeen());
    assertEquals(stored, store.findById("hmi-1").orElseThrow());
  }

  @Test
  void findsByEveryAddressAndAddressMovesToLatestClaimant() {
    store.upsert(plc("a", Set.of("192.168.1.10", "fe80::1"), "Siemens", null, Zone.OT_CONTROL), T1);
    assertEquals("a", store.findByAddress("fe80::1").orElseThrow().asset().id());
    assertEquals("a", store.findByAddress("192.168.1.10").orElseThrow().asset().id());
    assertTrue(store.findByAddress("192.168.1.11").isEmpty());

    store.upsert(plc("b", Set.of("192.168.1.10"), "Rockwell", null, Zone.OT_CONTROL), T2);
    assertEquals("b", store.findByAddress("192.168.1.10").orElseThrow().asset().id());
    assertEquals(Set.of("fe80::1"), store.findById("a").orElseThrow().asset().addresses());
  }

  @Test
  void listsEveryAssetOrderedById() {
    assertEquals(List.of(), store.list());
    for (String id : List.of("rtu-2", "ews-1", "plc-3")) {
      store.upsert(plc(id, Set.of(), null, null, Zone.UNKNOWN), T1);
    }
    assertEquals(List.of("ews-1", "plc-3", "rtu-2"), store.list().stream().map(s -> s.asset().id()).toList());
  }

  @Test
  void peersAreBoundedAndCounted() {
    AssetBuilder chatty = Asset.builder("10.9.0.1").address("10.9.0.1");
    for (int i = 0; i < AssetStore.MAX_PEERS_KEPT + 100; i++) {
      chatty.peer("10.8." + i / 250 + "." + i % 250);
    }
    store.upsert(chatty.build(), T1);
    StoredAsset stored = store.upsert(Asset.builder("10.9.0.1").address("10.9.0.1").peer("10.7.0.1").build(), T2);
    assertEquals(AssetStore.MAX_PEERS_SHOWN, stored.asset().peers().size());
    assertEquals(Integer.toString(AssetStore.MAX_PEERS_KEPT), stored.asset().attributes().get(AssetStore.PEER_COUNT));
    assertTrue(stored.asset().peers().contains("10.8.0.0"), "peers shown are the first kept ones by address");
    assertEquals(stored, store.findById("10.9.0.1").orElseThrow(), "upsert returns what a read gives back");
  }

  @Test
  void restartKeepsDataAndAppliesNoMigrationTwice() {
    Asset asset = Asset.builder("sensor-7").address("10.1.2.3").type("sensor").criticality(1).zone(Zone.DMZ)
        .site("Lyon").location("hall 2, cabinet 4").owner("OT team").protocol("mqtt").protocol("modbus")
        .role("mqtt-publisher").peer("10.1.2.1").attribute("serial", "SN-0042").attribute("mac_vendor", "Wago")
        .build();
    store.upsert(asset, T1);
    store.setRisk("sensor-7", 37, List.of("20 points: criticality", "17 points: exposure"));
    asset = asset.toBuilder().attribute(AssetStore.PEER_COUNT, "1")
        .risk(37, List.of("20 points: criticality", "17 points: exposure")).build();

    assertEquals(0, Migrations.migrate(openDatabase(), JdbcAssetStore.AREA), "nothing pending after a restart");
    JdbcAssetStore reopened = new JdbcAssetStore(openDatabase());
    StoredAsset found = reopened.findByAddress("10.1.2.3").orElseThrow();
    assertEquals(asset, found.asset());
    assertNull(found.asset().mac());
    assertEquals(T1, found.firstSeen());
  }
}
