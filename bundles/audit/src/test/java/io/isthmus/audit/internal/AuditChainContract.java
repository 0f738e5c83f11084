package io.isthmus.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.governance.AuditRecord;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tampering with the stored audit log through JDBC, as someone with database access could, and what
 * {@link ChainVerifier} says. Subclasses supply a fresh, empty database.
 */
abstract class AuditChainContract {

  @TempDir
  Path work;

  String url;
  JdbcAuditLog log;
  CheckpointSigner signer;

  /** The JDBC URL of a fresh, empty database for one test. */
  abstract String freshDatabase();

  @BeforeEach
  void writeAChain() {
    url = freshDatabase();
    log = TestDatabases.auditLog(url);
    signer = new CheckpointSigner(log, 4, Duration.ofHours(1), Clock.systemUTC(), keys());
    // 1 anomaly/alert, 2 decision, 3-4 approvals, 5 checkpoint (4 records), 6 action, 7 result, 8 checkpoint (forced).
    log.append("alert", "alert-1", "triage", List.of(), "{\"anomaly\":{\"models\":[\"semantics\"],\"score\":0.97}}");
    log.append("decision", "action-1", "governance", List.of("alert-1"), "{\"outcome\":\"REQUIRE_APPROVAL\",\"approvals\":2}");
    log.append("approval", "action-1", "alice", List.of("alert-1", "action-1"), "{\"verdict\":\"APPROVE\",\"comment\":\"ok\"}");
    log.append("approval", "action-1", "bob", List.of("alert-1", "action-1"), "{\"verdict\":\"APPROVE\",\"comment\":\"go ahead\"}");
    assertEquals(5, signer.signIfDue(false).orElseThrow().sequence());
    log.append("action", "action-1", "executor", List.of("action-1"), "{\"kind\":\"CONTAIN_HOST\",\"target\":\"10.0.0.5\"}");
    log.append("result", "action-1", "crowdstrike", List.of("action-1"), "{\"ok\":true}");
    assertTrue(signer.signIfDue(false).isEmpty(), "2 records since the last checkpoint, 4 needed");
    assertEquals(8, signer.signIfDue(true).orElseThrow().sequence());
  }

  Path keys() {
    return work.resolve("data/keys");
  }

  ChainVerifier.Result verify() {
    try {
      return new ChainVerifier(log, AuditKeys.publicKeys(keys()), keys().toString()).verify();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void intactChainVerifies() {
    ChainVerifier.Result result = verify();
    assertNull(result.broken());
    assertEquals("8 records, 2 checkpoints, chain intact", result.summary());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sequence", "recorded_at", "type", "subject_id", "actor", "links", "payload", "previous_hash", "hash"})
  void changingOneByteOfAnyColumnNamesTheRecord(String column) throws SQLException {
    tamper(6, column);
    String broken = verify().broken();
    assertTrue(broken != null && broken.startsWith("record #6 broken: "), column + ": " + broken);
  }

  @ParameterizedTest
  @ValueSource(strings = {"payload", "links", "hash"})
  void changingTheFirstOrLastRecordIsCaughtToo(String column) throws SQLException {
    for (long sequence : new long[] {1, 8}) {
      writeAChain();
      tamper(sequence, column);
      String broken = verify().broken();
      assertTrue(broken != null && broken.startsWith("record #" + sequence + " broken: "), column + ": " + broken);
    }
  }

  @Test
  void deletedRecordsAreCaught() throws SQLException {
    sql("DELETE FROM audit_records WHERE sequence = 3");
    assertEquals("record #3 broken: sequence gap: the next stored record is #4", verify().broken());

    writeAChain();
    sql("DELETE FROM audit_records WHERE sequence >= 7");
    String broken = verify().broken();
    assertTrue(broken.startsWith("record #7 broken: missing; the log's head says it ends at #8"), broken);
  }

  @Test
  void reorderedRecordsAreCaught() throws SQLException {
    sql("UPDATE audit_records SET sequence = 1000 WHERE sequence = 3");
    sql("UPDATE audit_records SET sequence = 3 WHERE sequence = 4");
    sql("UPDATE audit_records SET sequence = 4 WHERE sequence = 1000");
    String broken = verify().broken();
    assertTrue(broken.startsWith("record #3 broken: previous-hash mismatch"), broken);
  }

  @Test
  void rewritingTheChainAfterAChangeIsCaughtByTheSignedCheckpoint() throws SQLException {
    // Whoever changes record 2 and recomputes every hash after it (and the head) still cannot sign.
    tamper(2, "payload");
    rehashFrom(2);
    String broken = verify().broken();
    assertTrue(broken.startsWith("record #5 broken: checkpoint covers #4 with hash"), broken);

    // ... and rewriting the checkpoint's covered hash too leaves a signature that does not match.
    rewriteCheckpointCover(5);
    rehashFrom(5);
    broken = verify().broken();
    assertTrue(broken.startsWith("record #5 broken: bad checkpoint signature"), broken);
  }

  @Test
  void checkpointSignedWithAnotherKeyIsCaught() throws Exception {
    var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    AuditRecord head = log.last().orElseThrow();
    String realKeyId = AuditKeys.keyId(AuditKeys.publicKeys(keys()).values().iterator().next());
    log.append("checkpoint", "audit-log", "intruder", List.of(),
        Checkpoints.payload(head.sequence(), head.hash(), realKeyId, other.getPrivate()));
    assertEquals("record #9 broken: bad checkpoint signature (key " + realKeyId + ")", verify().broken());

  }

  @Test
  void checkpointOfAKeyNotInTheDataDirectoryIsCaught() {
    String broken = new ChainVerifier(log, java.util.Map.of(), "nowhere").verify().broken();
    assertTrue(broken.startsWith("record #5 broken: checkpoint signed with key "), broken);
    assertTrue(broken.endsWith("which is not among the public keys in nowhere"), broken);
  }

  /** Changes one byte of a column of a stored record. */
  void tamper(long sequence, String column) throws SQLException {
    switch (column) {
      case "sequence" -> sql("UPDATE audit_records SET sequence = sequence + 64 WHERE sequence = " + sequence);
      case "recorded_at" -> update(sequence, column, OffsetDateTime.class, t -> t.plusNanos(1000));
      default -> update(sequence, column, String.class, AuditChainContract::flipMiddleByte);
    }
  }

  static String flipMiddleByte(String text) {
    int at = text.length() / 2;
    return text.substring(0, at) + (char) (text.charAt(at) ^ 1) + text.substring(at + 1);
  }

  private <T> void update(long sequence, String column, Class<T> type, UnaryOperator<T> change) throws SQLException {
    try (Connection c = TestDatabases.open(url).getConnection();
        PreparedStatement read = c.prepareStatement("SELECT " + column + " FROM audit_records WHERE sequence = ?")) {
      read.setLong(1, sequence);
      T value;
      try (ResultSet row = read.executeQuery()) {
        assertTrue(row.next(), "record " + sequence + " exists");
        value = row.getObject(1, type);
      }
      try (PreparedStatement write = c.prepareStatement("UPDATE audit_records SET " + column + " = ? WHERE sequence = ?")) {
        write.setObject(1, change.apply(value));
        write.setLong(2, sequence);
        assertEquals(1, write.executeUpdate());
      }
    }
  }

  /** Recomputes every previous hash and hash from {@code sequence} on, and the head, as a forger would. */
  private void rehashFrom(long sequence) throws SQLException {
    String previous = sequence == 1 ? AuditRecord.GENESIS_HASH : log.read(sequence - 1, 1).get(0).hash();
    for (AuditRecord r : log.read(sequence, 1000)) {
      AuditRecord fixed = new AuditRecord(r.sequence(), r.time(), r.type(), r.subjectId(), r.actor(), r.links(),
          r.payloadJson(), previous, "");
      String hash = fixed.computeHash();
      sql("UPDATE audit_records SET previous_hash = '" + previous + "', hash = '" + hash + "' WHERE sequence = " + r.sequence());
      sql("UPDATE audit_head SET hash = '" + hash + "' WHERE id = 1");
      previous = hash;
    }
  }

  private void rewriteCheckpointCover(long checkpoint) throws SQLException {
    String coveredHash = log.read(checkpoint - 1, 1).get(0).hash();
    AuditRecord record = log.read(checkpoint, 1).get(0);
    String payload = record.payloadJson().replaceFirst("\"hash\":\"[0-9a-f]{64}\"", "\"hash\":\"" + coveredHash + "\"");
    sql("UPDATE audit_records SET payload = '" + payload + "' WHERE sequence = " + checkpoint);
  }

  void sql(String statement) throws SQLException {
    try (Connection c = TestDatabases.open(url).getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
