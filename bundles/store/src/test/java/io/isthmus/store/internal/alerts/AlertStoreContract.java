package io.isthmus.store.internal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import io.isthmus.api.asset.Zone;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.store.StoreException;
import io.isthmus.store.internal.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every database behind the alert store must show; subclasses supply a fresh, empty database. */
abstract class AlertStoreContract {

  static final Instant T1 = Instant.parse("2026-03-01T10:00:00.123456Z");
  static final Instant T2 = Instant.parse("2026-03-01T10:14:59Z");
  static final Technique PROGRAM_DOWNLOAD = new Technique("T0843", "Program Download", "Lateral Movement");
  static final Technique COMMAND = new Technique("T1692.001", "Unauthorized Message: Command Message", "Impair Process Control");

  private JdbcAlertStore store;

  /** A data source for the test's database; each call opens it anew, as after a restart. */
  abstract DataSource openDatabase();

  /** Runs before each test, before the schema is migrated; may skip the test with an assumption. */
  void prepareDatabase() throws Exception {}

  @BeforeEach
  void migrate() throws Exception {
    prepareDatabase();
    assertEquals(1, TestDatabases.migrate(openDatabase(), JdbcAlertStore.AREA), "V1 applies once to an empty database");
    store = new JdbcAlertStore(openDatabase());
  }

  static Alert alert(String id, String groupKey, long count, Instant lastSeen, Alert.State state) {
    return new Alert(id, groupKey, "10.0.0.5", "plc-1", Zone.OT_CONTROL, 5, "modbus", 87, 0.93,
        List.of(PROGRAM_DOWNLOAD, COMMAND), List.of("fc_not_in_baseline:90", "new_writer:10.0.0.9"),
        Set.of("semantics", "baseline"), count, T1, lastSeen,
        "Program download to PLC 10.0.0.5 (Schneider Electric M340), seen " + count + " times.\nWhy it matters: ...",
        "Confirm with engineering whether a change was planned.", "WRITE_MULTIPLE_REGISTERS address=0 quantity=16", state);
  }

  @Test
  void savedAlertReadsBackEqual() {
    Alert saved = alert("a-1", "10.0.0.5|T0843|semantics", 3, T2, Alert.State.OPEN);
    store.save(saved);
    assertEquals(saved, store.findById("a-1").orElseThrow());
    assertTrue(store.findById("nope").isEmpty());
  }

  @Test
  void alertWithoutAssetOrTechniquesReadsBackEqual() {
    Alert bare = new Alert("a-2", "10.0.0.7|ind:burst|counting", "10.0.0.7", null, Zone.UNKNOWN, 0, "mqtt", 12, 0.4,
        List.of(), List.of(), Set.of("counting"), 1, T1, T1, "s", "r", "", Alert.State.OPEN);
    store.save(bare);
    assertEquals(bare, store.findById("a-2").orElseThrow());
  }

  @Test
  void saveReplacesAlertWithSameId() {
    store.save(alert("a-1", "g", 1, T1, Alert.State.OPEN));
    Alert later = alert("a-1", "g", 250, T2, Alert.State.ACKNOWLEDGED);
    store.save(later);
    assertEquals(later, store.findById("a-1").orElseThrow());
    assertEquals(1, store.recent(10).size());
  }

  @Test
  void openAlertOfGroupIsLatestNotClosed() {
    store.saveAll(List.of(
        alert("old", "g", 1, T1, Alert.State.OPEN),
        alert("new", "g", 1, T2, Alert.State.SUPPRESSED),
        alert("other", "h", 1, T2, Alert.State.OPEN)));
    assertEquals("new", store.findOpenByGroupKey("g").orElseThrow().id(), "latest last seen, suppressed counts");

    store.save(alert("new", "g", 1, T2, Alert.State.CLOSED));
    assertEquals("old", store.findOpenByGroupKey("g").orElseThrow().id());
    store.save(alert("old", "g", 1, T1, Alert.State.CLOSED));
    assertTrue(store.findOpenByGroupKey("g").isEmpty());
  }

  @Test
  void recentIsNewestUpdateFirstAndBounded() {
    store.saveAll(List.of(alert("a", "g1", 1, T1, Alert.State.OPEN), alert("b", "g2", 1, T1, Alert.State.OPEN)));
    store.save(alert("c", "g3", 1, T1, Alert.State.OPEN));
    store.save(alert("a", "g1", 2, T2, Alert.State.OPEN));
    assertEquals(List.of("a", "c", "b"), store.recent(10).stream().map(Alert::id).toList());
    assertEquals(List.of("a", "c"), store.recent(2).stream().map(Alert::id).toList());
    assertEquals(List.of(), store.recent(0));
  }

  @Test
  void failedBatchCommitsNothing() {
    Alert good = alert("good", "g", 1, T1, Alert.State.OPEN);
    Alert tooLong = new Alert("bad", "g", "10.0.0.5", null, Zone.UNKNOWN, 0, "modbus", 1, 0.1, List.of(),
        List.of(), Set.of(), 1, T1, T1, "x".repeat(8001), "r", "", Alert.State.OPEN);
    StoreException e = assertThrows(StoreException.class, () -> store.saveAll(List.of(good, tooLong)));
    assertTrue(e.getMessage().contains("summary has 8001 characters"), e.getMessage());
    assertTrue(store.findById("good").isEmpty(), "the batch is one transaction");
  }

  @Test
  void restartKeepsAlertsOrderAndAppliesNoMigrationTwice() {
    store.save(alert("a", "g1", 1, T1, Alert.State.OPEN));
    store.save(alert("b", "g2", 7, T2, Alert.State.OPEN));

    assertEquals(0, TestDatabases.migrate(openDatabase(), JdbcAlertStore.AREA), "nothing pending after a restart");
    JdbcAlertStore reopened = new JdbcAlertStore(openDatabase());
    reopened.save(alert("a", "g1", 2, T2, Alert.State.OPEN));
    assertEquals(List.of("a", "b"), reopened.recent(5).stream().map(Alert::id).toList(),
        "the update sequence continues after a restart");
    assertEquals(7, reopened.findById("b").orElseThrow().count());
  }
}
