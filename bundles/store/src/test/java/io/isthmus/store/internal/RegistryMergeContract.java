package io.isthmus.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetConflict;
import io.isthmus.api.asset.AssetField;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.store.StoredAsset;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registry entries against discovered facts: the registry wins, differences are kept as conflicts. */
interface RegistryMergeContract {

  Instant T1 = Instant.parse("2026-04-01T08:00:00Z");
  Instant T2 = Instant.parse("2026-04-02T09:00:00Z");
  Instant T3 = Instant.parse("2026-04-03T10:00:00Z");

  JdbcAssetStore store();

  private static Asset registryPlc() {
    return Asset.builder("plc-1").address("10.0.0.5").type("plc").vendor("Siemens").model("S7-1500")
        .firmware("2.9.4").criticality(5).zone(Zone.OT_CONTROL).site("Lyon").location("hall 2").owner("OT team")
        .build();
  }

  @Test
  default void discoveryNeverOverwritesRegistryValues() {
    store().importRegistry(registryPlc(), T1);
    StoredAsset stored = store().upsert(Asset.builder("plc-1").address("10.0.0.5").type("hmi").vendor("Siemens")
        .model("S7-1200").firmware("2.9.4").criticality(2).zone(Zone.IT).site("Paris").owner("IT").protocol("s7")
        .build(), T2);

    Asset asset = stored.asset();
    assertEquals("plc", asset.type());
    assertEquals(5, asset.criticality());
    assertEquals(Zone.OT_CONTROL, asset.zone());
    assertEquals("Lyon", asset.site());
    assertEquals("OT team", asset.owner());
    assertEquals("S7-1500", asset.model());
    assertEquals(Set.of("s7"), asset.protocols(), "discovered facts outside the registry's fields are merged");
    assertEquals(EnumSet.of(AssetField.TYPE, AssetField.CRITICALITY, AssetField.ZONE, AssetField.SITE,
        AssetField.LOCATION, AssetField.OWNER, AssetField.VENDOR, AssetField.MODEL, AssetField.FIRMWARE),
        stored.registryFields());
    assertEquals(List.of(new AssetConflict("plc-1", AssetField.MODEL, "S7-1500", "S7-1200", T2)), stored.conflicts(),
        "only vendor, model and firmware disagreements are kept; equal values are none");
    assertEquals(stored.conflicts(), store().conflicts());
    assertEquals(T2, stored.firstSeen());
  }

  @Test
  default void conflictKeepsFirstNoticedAndResolvesWhenDiscoveryAgrees() {
    store().importRegistry(registryPlc(), T1);
    store().upsert(Asset.builder("plc-1").firmware("2.8.0").build(), T2);
    StoredAsset again = store().upsert(Asset.builder("plc-1").firmware("2.8.0").build(), T3);
    assertEquals(List.of(new AssetConflict("plc-1", AssetField.FIRMWARE, "2.9.4", "2.8.0", T2)), again.conflicts());

    StoredAsset other = store().upsert(Asset.builder("plc-1").firmware("2.7.1").build(), T3);
    assertEquals(T3, other.conflicts().get(0).firstNoticed(), "a new discovered value is a new disagreement");

    StoredAsset agreed = store().upsert(Asset.builder("plc-1").firmware(" 2.9.4").build(), T3);
    assertEquals(List.of(), agreed.conflicts());
    assertEquals(List.of(), store().conflicts());
  }

  @Test
  default void importOverDiscoveredValuesKeepsTheDifference() {
    store().upsert(Asset.builder("plc-1").address("10.0.0.5").vendor("siemens").firmware("2.8.0").type("plc").build(), T1);
    StoredAsset imported = store().importRegistry(registryPlc(), T2);
    assertEquals("2.9.4", imported.asset().firmware(), "the registry wins");
    assertEquals("Siemens", imported.asset().vendor());
    assertEquals(List.of(new AssetConflict("plc-1", AssetField.FIRMWARE, "2.9.4", "2.8.0", T2)), imported.conflicts());

    StoredAsset corrected = store().importRegistry(Asset.builder("plc-1").firmware("2.8.0").build(), T3);
    assertEquals(List.of(), corrected.conflicts(), "a registry corrected to the discovered value closes the conflict");
    assertEquals(T1, corrected.firstSeen(), "an import is not a sighting");
  }

  @Test
  default void registryEntryTakesOverTheDeviceDiscoveryNamedByAddress() {
    store().upsert(Asset.builder("10.0.0.5").address("10.0.0.5").protocol("modbus").role("modbus-server")
        .vendor("Siemens").model("S7-1200").peer("10.0.0.9").build(), T1);
    StoredAsset imported = store().importRegistry(registryPlc(), T2);

    assertEquals(List.of("plc-1"), store().list().stream().map(s -> s.asset().id()).toList());
    assertEquals(Set.of("modbus"), imported.asset().protocols());
    assertEquals(Set.of("10.0.0.9"), imported.asset().peers());
    assertEquals(T1, imported.firstSeen());
    assertEquals(List.of(new AssetConflict("plc-1", AssetField.MODEL, "S7-1500", "S7-1200", T2)), imported.conflicts());

    StoredAsset seen = store().upsert(Asset.builder("10.0.0.5").address("10.0.0.5").protocol("s7").build(), T3);
    assertEquals("plc-1", seen.asset().id(), "discovery's later sightings land on the registry's asset");
    assertEquals(T3, seen.lastSeen());
    assertEquals(1, store().list().size());
    assertEquals("plc-1", store().findByAddress("10.0.0.5").orElseThrow().asset().id());
  }

  @Test
  default void registryOnlyAssetHasNotBeenSeen() {
    StoredAsset stored = store().importRegistry(Asset.builder("spare-plc").criticality(1).build(), T1);
    assertNull(stored.firstSeen());
    assertNull(stored.lastSeen());
    assertEquals(EnumSet.of(AssetField.CRITICALITY), stored.registryFields());
    assertEquals(stored, store().findById("spare-plc").orElseThrow());
  }

  @Test
  default void riskIsSetAloneAndDeleteRemovesEverything() {
    store().importRegistry(registryPlc(), T1);
    store().upsert(Asset.builder("plc-1").firmware("1.0").peer("10.0.0.7").attribute("serial", "X").build(), T2);
    assertTrue(store().setRisk("plc-1", 64, List.of("30 points: criticality 5 of 5", "line\nbreak")));
    StoredAsset stored = store().upsert(Asset.builder("plc-1").build(), T3);
    assertEquals(64, stored.asset().riskScore(), "a sighting keeps the risk score");
    assertEquals(List.of("30 points: criticality 5 of 5", "line break"), stored.asset().riskReasons());
    assertEquals(false, store().setRisk("nothing", 1, List.of()));

    assertTrue(store().delete("plc-1"));
    assertTrue(store().findByAddress("10.0.0.5").isEmpty());
    assertEquals(List.of(), store().conflicts());
    assertEquals(false, store().delete("plc-1"));
  }
}
