package io.isthmus.store.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.governance.AuditRecord;
import io.isthmus.api.store.StoreException;
import io.isthmus.store.internal.SqlDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database behind the audit log must show; subclasses supply a fresh, empty database. */
abstract class AuditLogContract {

  private JdbcAuditLog log;

  /** A data source for the test's database; each call opens it anew, as another process would. */
  abstract DataSource openDatabase();

  /** Runs before each test, before the schema is migrated; may skip the test with an assumption. */
  void prepareDatabase() throws Exception {}

  @BeforeEach
  void migrate() throws Exception {
    prepareDatabase();
    assertEquals(1, new SqlDatabase(openDatabase()).migrate(JdbcAuditLog.AREA), "V1 applies once");
    log = new JdbcAuditLog(openDatabase(), Clock.systemUTC());
  }

  @Test
  void chainStartsAtGenesisAndLinksEveryRecord() {
    AuditRecord alert = log.append("alert", "alert-1", "isthmus-audit", List.of(), "{\"score\": 0.97, \"model\": \"semantics\"}");
    AuditRecord decision = log.append("decision", "action-1", "governance", List.of("alert-1"), "{\"outcome\":\"REQUIRE_APPROVAL\"}");
    AuditRecord approval = log.append("approval", "action-1", "alice", List.of("alert-1", "action-1"), "{}");

    assertEquals(1, alert.sequence());
    assertEquals(AuditRecord.GENESIS_HASH, alert.previousHash());
    assertEquals("{\"model\":\"semantics\",\"score\":0.97}", alert.payloadJson(), "payload kept in canonical form");
    assertEquals(alert.hash(), decision.previousHash());
    assertEquals(decision.hash(), approval.previousHash());
    for (AuditRecord record : List.of(alert, decision, approval)) {
      assertEquals(record.computeHash(), record.hash());
      assertTrue(record.hash().matches("[0-9a-f]{64}"), record.hash());
    }
    assertEquals(List.of(alert, decision, approval), log.read(1, 10), "read gives back what append returned");
    assertEquals(List.of(decision, approval), log.read(2, 10));
    assertEquals(List.of(alert), log.read(1, 1));
    assertEquals(List.of(decision, approval), log.forSubject("action-1"));
    assertEquals(approval, log.last().orElseThrow());
    assertEquals(decision, log.lastOfType("decision").orElseThrow());
    assertTrue(log.lastOfType("checkpoint").isEmpty());
    assertEquals(3, log.headSequence());
  }

  @Test
  void hashCoversTheDocumentedCanonicalContent() {
    Instant at = Instant.parse("2026-03-01T10:00:00.123456789Z");
    JdbcAuditLog fixed = new JdbcAuditLog(openDatabase(), Clock.fixed(at, ZoneOffset.UTC));
    AuditRecord record = fixed.append("alert", "a\"1", "triage", List.of("x"), "{\"b\":[1,2],\"a\":\"\u00e9\"}");

    assertEquals(Instant.parse("2026-03-01T10:00:00.123456Z"), record.time(), "time kept to the microsecond");
    String content = "{\"actor\":\"triage\",\"links\":[\"x\"],\"payload\":{\"a\":\"\u00e9\",\"b\":[1,2]},\"sequence\":1,"
        + "\"subjectId\":\"a\\\"1\",\"time\":\"2026-03-01T10:00:00.123456Z\",\"type\":\"alert\"}";
    assertEquals(content, record.canonicalContent());
    assertEquals(AuditRecord.hashOf(content, AuditRecord.GENESIS_HASH), record.hash());
    assertEquals(record, fixed.read(1, 1).get(0), "the stored time round-trips to the microsecond");
  }

  @Test
  void refusesPayloadThatIsNotAJsonObjectAndWritesNothing() {
    log.append("alert", "alert-1", "triage", List.of(), "{}");
    for (String bad : List.of("[1,2]", "\"text\"", "{\"a\":", "{\"a\":1,\"a\":2}", "")) {
      StoreException e = assertThrows(StoreException.class, () -> log.append("decision", "action-1", "governance", List.of(), bad));
      assertTrue(e.getMessage().startsWith("audit record refused: "), e.getMessage());
    }
    StoreException badType = assertThrows(StoreException.class, () -> log.append("Decision!", "x", "y", List.of(), "{}"));
    assertTrue(badType.getMessage().contains("type must be"), badType.getMessage());
    assertEquals(6, log.rejectedCount());
    assertEquals(1, log.headSequence());
    assertEquals(1, log.read(1, 10).size());
    assertEquals(2, log.append("decision", "action-1", "governance", List.of(), "{}").sequence(), "no sequence used up");
  }

  @Test
  void concurrentAppendsFromSeveralThreadsAndTwoInstancesLeaveAGaplessChain() throws Exception {
    // Two instances over two data sources stand for two processes: only the head row's lock orders them.
    List<JdbcAuditLog> logs = List.of(log, new JdbcAuditLog(openDatabase(), Clock.systemUTC()));
    int threads = 8;
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      JdbcAuditLog writer = logs.get(t % 2);
      String subject = "subject-" + t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          writer.append("action", subject, "worker", List.of(), "{\"i\":" + i + "}");
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    List<AuditRecord> all = log.read(1, threads * each + 10);
    assertEquals(threads * each, all.size());
    String previous = AuditRecord.GENESIS_HASH;
    for (int i = 0; i < all.size(); i++) {
      AuditRecord record = all.get(i);
      assertEquals(i + 1, record.sequence());
      assertEquals(previous, record.previousHash(), "record " + record.sequence());
      assertEquals(record.computeHash(), record.hash(), "record " + record.sequence());
      previous = record.hash();
    }
    for (int t = 0; t < threads; t++) {
      List<AuditRecord> mine = log.forSubject("subject-" + t);
      assertEquals(each, mine.size());
      for (int i = 0; i < each; i++) {
        assertEquals("{\"i\":" + i + "}", mine.get(i).payloadJson(), "one writer's records keep its order");
      }
    }
    assertEquals(threads * each, log.headSequence());
  }

  @Test
  void reopenedLogContinuesTheChain() {
    AuditRecord first = log.append("alert", "alert-1", "triage", List.of(), "{}");
    assertEquals(0, new SqlDatabase(openDatabase()).migrate(JdbcAuditLog.AREA), "no migration runs twice");
    JdbcAuditLog reopened = new JdbcAuditLog(openDatabase(), Clock.systemUTC());
    assertEquals(first, reopened.last().orElseThrow());
    AuditRecord second = reopened.append("decision", "action-1", "governance", List.of("alert-1"), "{}");
    assertEquals(2, second.sequence());
    assertEquals(first.hash(), second.previousHash());
  }
}
