package io.isthmus.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.store.StoreException;
import io.isthmus.api.store.StoredAsset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryObserverTest {
  private static final String BACNET = "bacnet_example.pcap";
  private DiscoveryObserver observer;

  @AfterEach
  void stop() throws InterruptedException {
    if (observer != null) {
      observer.deactivate();
    }
  }

  private static DiscoveryObserver observer(Map<String, Object> config) {
    Map<String, Object> values = new HashMap<>(Map.of("flushIntervalSeconds", 3600, "lastSeenIntervalSeconds", 3600));
    values.putAll(config);
    return new DiscoveryObserver(Captures.config(DiscoveryConfig.class, values), OuiRegistry.EMPTY);
  }

  /** First and last capture time of the PDUs each address sent: what the store must end up with. */
  private static Map<String, Instant[]> sendTimes(List<TelemetryEvent> events) {
    Map<String, Instant[]> times = new TreeMap<>();
    for (TelemetryEvent e : events) {
      Instant t = e.time();
      times.merge(e.source().ip(), new Instant[] {t, t}, (a, b) -> new Instant[] {
          a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
    }
    times.remove("172.20.32.255");
    return times;
  }

  @Test
  void deactivationFlushesEveryDeviceWithFirstAndLastSeenAndStopsTheThread() throws InterruptedException {
    RecordingStore recording = new RecordingStore();
    observer = observer(Map.of());
    observer.setStore(recording.store);
    await(() -> observer.flushes() >= 1); // the flush a new store triggers, with nothing to write yet
    List<TelemetryEvent> events = Captures.events(BACNET);
    events.forEach(observer::observe);
    assertTrue(recording.upserts().isEmpty(), "nothing written before the next tick, an hour away");

    observer.deactivate();
    assertFalse(observer.flushThreadAlive());
    Map<String, Instant[]> expected = sendTimes(events);
    Map<String, Instant[]> stored = recording.seen();
    assertEquals(expected.keySet(), stored.keySet());
    expected.forEach((ip, t) -> {
      assertEquals(t[0], stored.get(ip)[0], ip + " first seen");
      assertEquals(t[1], stored.get(ip)[1], ip + " last seen");
    });
    Asset device = recording.upserts().stream().map(RecordingStore.Upsert::asset)
        .filter(a -> a.id().equals("172.20.32.109")).findFirst().orElseThrow();
    assertEquals("HIY-054", device.model());
    assertEquals(0, observer.failedEvents());
    observer = null;
  }

  @Test
  void factsWaitForAStoreAndAreWrittenWhenOneComes() {
    observer = observer(Map.of());
    List<TelemetryEvent> events = Captures.events(BACNET);
    events.forEach(observer::observe);
    RecordingStore recording = new RecordingStore();
    observer.setStore(recording.store);
    await(() -> observer.flushes() >= 1);
    assertEquals(sendTimes(events).keySet(), recording.seen().keySet());
    int written = recording.upserts().size();
    assertEquals(0, observer.flushNow(), "nothing new since");
    assertEquals(written, recording.upserts().size());
    observer.unsetStore(recording.store);
    assertEquals(-1, observer.flushNow());
  }

  @Test
  void aFailingStoreLeavesTheFactsDueForTheNextFlush() {
    observer = observer(Map.of());
    List<TelemetryEvent> events = Captures.events(BACNET);
    events.forEach(observer::observe);
    int senders = sendTimes(events).size();
    RecordingStore recording = new RecordingStore();
    recording.failuresLeft.set(1);
    StoreFlush flush = new StoreFlush(observer.table(), OuiRegistry.EMPTY);
    assertThrows(StoreException.class, () -> flush.flush(recording.store, true));
    assertEquals(senders, flush.flush(recording.store, true));
    assertEquals(senders, recording.seen().size());
    assertEquals(0, flush.flush(recording.store, true));
  }

  @Test
  void devicesBeyondTheMaximumAreCountedNotKept() {
    observer = observer(Map.of("maxDevices", 10, "maxPeersPerDevice", 5));
    String server = "10.0.0.1";
    for (int i = 1; i <= 50; i++) {
      String client = "10.0.1." + i;
      observer.observe(event(client, server, Direction.REQUEST, "modbus", "READ_COILS", Map.of(), i));
      observer.observe(event(server, client, Direction.RESPONSE, "modbus", "READ_COILS", Map.of(), i));
    }
    assertEquals(10, observer.table().tracked());
    assertEquals(41, observer.table().untracked());
    DeviceSnapshot s = observer.table().get(server).snapshot();
    assertEquals(5, s.peers().size());
    assertEquals(90, s.peerSightingsNotKept(), "45 peers not kept, each seen in a request and a response");
    RecordingStore recording = new RecordingStore();
    observer.setStore(recording.store);
    await(() -> observer.flushes() >= 1);
    assertEquals(10, recording.seen().size(), "every tracked device, no more");
  }

  @Test
  void storedIdleDevicesMakeRoomForNewOnes() {
    observer = observer(Map.of("maxDevices", 20));
    RecordingStore recording = new RecordingStore();
    observer.setStore(recording.store);
    await(() -> observer.flushes() >= 1); // then the thread sleeps for an hour: flushNow does the rest
    for (int i = 1; i <= 19; i++) {
      observer.observe(event("10.0.2." + i, "10.0.0.1", Direction.REQUEST, "modbus", "READ_COILS", Map.of(), i));
    }
    assertEquals(20, observer.table().tracked());
    assertEquals(19, observer.flushNow(), "19 clients sent; the server never answered");
    assertEquals(15, observer.table().tracked(), "the five stored clients idle longest are forgotten");
    for (int i = 1; i <= 5; i++) {
      assertNull(observer.table().get("10.0.2." + i), "client " + i);
    }
    assertNotNull(observer.table().get("10.0.0.1"), "never stored: kept");
    observer.observe(event("10.0.3.1", "10.0.0.1", Direction.REQUEST, "modbus", "READ_COILS", Map.of(), 100));
    observer.observe(event("10.0.2.1", "10.0.0.1", Direction.REQUEST, "modbus", "READ_COILS", Map.of(), 101));
    assertEquals(0, observer.table().untracked());
    assertEquals(2, observer.flushNow());
    assertEquals(Instant.ofEpochSecond(0, 1_000), recording.seen().get("10.0.2.1")[0], "the store keeps the first time");
    assertEquals(Instant.ofEpochSecond(0, 101_000), recording.seen().get("10.0.2.1")[1]);
  }

  @Test
  void aMacVendorDoesNotReplaceAVendorTheDeviceStated(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("oui.csv"), "Registry,Assignment,Organization Name,Organization Address\n"
        + "MA-L,0090E8,Moxa Technologies Corp.,Taipei\n");
    OuiRegistry oui = OuiRegistry.load(dir);
    DeviceTable table = new DeviceTable(100, 10);
    new EventFacts(table).observe(TelemetryEvent.builder().timeMicros(1)
        .source(new Endpoint("192.168.0.20", 502, "00:90:e8:4c:83:db", null))
        .destination(new Endpoint("192.168.0.21", 53454, "20:47:47:87:d4:96", null))
        .protocol("modbus").operation("READ_COILS").direction(Direction.RESPONSE).build());
    RecordingStore recording = new RecordingStore();
    recording.byAddress.put("192.168.0.20", new StoredAsset(Asset.builder("plc-7").address("192.168.0.20")
        .vendor("Acme Controls").attribute("vendor_source", "modbus").build(), Instant.EPOCH, Instant.EPOCH));
    new StoreFlush(table, oui).flush(recording.store, true);
    Asset sent = recording.upserts().get(0).asset();
    assertNull(sent.vendor(), "the stored vendor the device stated stays");
    assertEquals("Moxa Technologies Corp.", sent.attributes().get("mac_vendor"));
    assertEquals("00:90:e8:4c:83:db", sent.mac());

    Asset elsewhere = new Assets(oui, table.sharedMacs(), table::isSilent).of(table.get("192.168.0.20").snapshot());
    assertEquals("Moxa Technologies Corp.", elsewhere.vendor(), "with nothing stated, the MAC's vendor stands in");
    assertEquals("mac", elsewhere.attributes().get("vendor_source"));
  }

  static TelemetryEvent event(String from, String to, Direction direction, String protocol, String operation,
      Map<String, Object> fields, long micros) {
    return TelemetryEvent.builder().timeMicros(micros).source(Endpoint.of(from, 40000)).destination(Endpoint.of(to, 502))
        .protocol(protocol).operation(operation).direction(direction).fields(fields).build();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "the flush thread did not get there within 30 s");
      Thread.onSpinWait();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
