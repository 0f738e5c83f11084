package io.isthmus.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.governance.AuditRecord;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code audit} command service: verify and export on a real log in H2, keys in the data directory. */
class AuditCommandServiceTest {

  @TempDir
  Path data;

  private JdbcAuditLog log;
  private AuditCommandService command;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void writeLog() {
    log = TestDatabases.auditLog(TestDatabases.h2Url(data.resolve("store")));
    CheckpointSigner signer = new CheckpointSigner(log, 3, Duration.ofHours(1), Clock.systemUTC(), AuditKeys.directory(data));
    for (int i = 0; i < 7; i++) {
      log.append("decision", "action-" + i, "governance", List.of("alert-" + i), "{\"n\":" + i + ",\"why\":\"line\\nbreak \u00e9\"}");
      signer.signIfDue(false);
    }
    command = new AuditCommandService(log, data.toString());
  }

  private int run(String action, Map<String, Object> extra) {
    Map<String, Object> request = new HashMap<>(extra);
    request.put("action", action);
    request.put("out", out);
    request.put("err", new PrintStream(err, true, StandardCharsets.UTF_8));
    return command.apply(request);
  }

  @Test
  void verifyPrintsTheSummaryAndExitsZero() {
    assertEquals(0, run("verify", Map.of("dataDir", data.toString())));
    // 7 records + checkpoints after records 3 and 6 (3 each, the checkpoint itself not counted as new).
    assertEquals("9 records, 2 checkpoints, chain intact\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void verifyOfABrokenChainExitsOneNamingTheRecord() throws Exception {
    try (var c = TestDatabases.open(TestDatabases.h2Url(data.resolve("store"))).getConnection(); var s = c.createStatement()) {
      s.executeUpdate("UPDATE audit_records SET actor = 'governancf' WHERE sequence = 2");
    }
    assertEquals(1, run("verify", Map.of("dataDir", data.toString())));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("record #2 broken: hash mismatch"), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void verifyWithoutThePublicKeyNamesTheFirstCheckpoint() throws Exception {
    Files.delete(AuditKeys.directory(data).resolve(AuditKeys.PUBLIC_FILE));
    assertEquals(1, run("verify", Map.of("dataDir", data.toString())));
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("record #4 broken: checkpoint signed with key "), out.toString());
  }

  @Test
  void exportWritesOneCanonicalLinePerRecordThatAnAuditorCanRehash() {
    assertEquals(0, run("export", Map.of()));
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    List<AuditRecord> records = log.read(1, 100);
    assertEquals(records.size(), lines.length);
    String previous = AuditRecord.GENESIS_HASH;
    for (int i = 0; i < lines.length; i++) {
      AuditRecord record = records.get(i);
      String hash = "\"hash\":\"" + record.hash() + "\",";
      String previousHash = "\"previousHash\":\"" + previous + "\",";
      assertTrue(lines[i].contains(hash) && lines[i].contains(previousHash), lines[i]);
      // Drop the two hash members: what is left is the hashed content.
      String content = lines[i].replace(hash, "").replace(previousHash, "");
      assertEquals(record.hash(), AuditRecord.hashOf(content, previous), lines[i]);
      assertTrue(lines[i].contains("\"sequence\":" + (i + 1) + ","), lines[i]);
      previous = record.hash();
    }
    assertTrue(lines[0].contains("\"why\":\"line\\nbreak \u00e9\""), "one record a line: newlines escaped: " + lines[0]);
    assertEquals("audit: exported 9 records\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    assertEquals(2, run("shred", Map.of()));
    assertEquals(2, run("export", Map.of("format", "csv")));
    assertEquals(List.of("audit: unknown action shred; use verify or export",
        "audit: export writes JSON lines only (format jsonl), not csv"), err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void privateKeyIsReadableByItsOwnerOnlyAndPublicKeyIsExported() throws Exception {
    Path keys = AuditKeys.directory(data);
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(keys.resolve(AuditKeys.PRIVATE_FILE)));
    assertTrue(Files.readString(keys.resolve(AuditKeys.PUBLIC_FILE)).startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertEquals(AuditKeys.loadOrCreate(keys).getPublic(), AuditKeys.publicKeys(keys).values().iterator().next(),
        "the pair is loaded again, not replaced");
  }
}
