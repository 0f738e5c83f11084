package io.isthmus.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import io.isthmus.store.internal.AssetStoreComponent;
import io.isthmus.store.internal.Databases;
import io.isthmus.store.internal.SqlDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery into the real asset store on embedded H2, as the store bundle runs it. */
class RealStoreTest {
  private static final List<String> CAPTURES =
      List.of("openics_EIP-SoftwareDownload.pcap", "EthernetIP_enip_test.pcap", "modbus_test.pcap", "bacnet_example.pcap");

  /**
   * The H2 data source the store component opens, kept open by one connection as the component keeps
   * it: without that, H2 closes the database whenever the last connection closes, and a connection
   * opened while it is closing has been seen to find tables missing.
   */
  private static AssetStore store(Path dir, List<Connection> keepOpen) throws SQLException {
    DataSource h2 = Databases.embedded(dir);
    keepOpen.add(h2.getConnection());
    return new AssetStoreComponent(new SqlDatabase(h2));
  }

  private static void discover(AssetStore store, List<TelemetryEvent> events) throws InterruptedException {
    DiscoveryObserver observer = new DiscoveryObserver(
        Captures.config(DiscoveryConfig.class, Map.of("flushIntervalSeconds", 3600)), OuiRegistry.EMPTY);
    observer.setStore(store);
    // The flush a new store triggers comes first: written in mid-stream, a MAC that later turns out to
    // stand in front of many addresses (a router's) would stay stored.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (observer.flushes() < 1 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    events.forEach(observer::observe);
    observer.deactivate();
  }

  @Test
  void theStoreHoldsWhatTheCapturesShowAndASecondRunChangesNothing(@TempDir Path dir) throws Exception {
    List<TelemetryEvent> events = new ArrayList<>();
    CAPTURES.forEach(c -> events.addAll(Captures.events(c)));
    Map<String, Asset> expected = Captures.discover(OuiRegistry.EMPTY, CAPTURES.toArray(String[]::new));
    Map<String, Instant[]> sent = new TreeMap<>();
    for (TelemetryEvent e : events) {
      sent.merge(e.source().ip(), new Instant[] {e.time(), e.time()}, (a, b) -> new Instant[] {
          a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    List<Connection> keepOpen = new ArrayList<>();
    AssetStore store = store(dir, keepOpen);
    discover(store, events);
    Map<String, StoredAsset> stored = store.list().stream().collect(Collectors.toMap(s -> s.asset().id(), s -> s));
    assertEquals(expected.keySet(), stored.keySet());
    for (Asset want : expected.values()) {
      StoredAsset got = stored.get(want.id());
      Asset a = got.asset();
      assertEquals(want.vendor(), a.vendor(), want.id());
      assertEquals(want.model(), a.model(), want.id());
      assertEquals(want.firmware(), a.firmware(), want.id());
      assertEquals(want.type(), a.type(), want.id());
      assertEquals(want.mac(), a.mac(), want.id());
      assertEquals(want.roles(), a.roles(), want.id());
      assertEquals(want.protocols(), a.protocols(), want.id());
      assertEquals(want.peers(), a.peers(), want.id());
      want.attributes().forEach((k, v) -> assertEquals(v, a.attributes().get(k), want.id() + " " + k));
      assertEquals(sent.get(want.id())[0], got.firstSeen(), want.id() + " first seen");
      assertEquals(sent.get(want.id())[1], got.lastSeen(), want.id() + " last seen");
    }
    assertEquals("1756-L61/B LOGIX5561", stored.get("192.168.10.120").asset().model());

    discover(store, events);
    List<StoredAsset> again = store.list();
    assertEquals(stored.size(), again.size());
    for (StoredAsset s : again) {
      StoredAsset before = stored.get(s.asset().id());
      assertEquals(before.asset(), s.asset(), s.asset().id());
      assertEquals(before.firstSeen(), s.firstSeen());
      assertEquals(before.lastSeen(), s.lastSeen());
    }
    assertTrue(again.size() > 40, again.size() + " devices");
    for (Connection c : keepOpen) {
      c.close();
    }
  }
}
