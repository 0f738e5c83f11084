package io.isthmus.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.governance.AuditRecord;
import io.isthmus.store.internal.audit.JdbcAuditLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends in a burst and prints each committed sequence; it is killed (SIGKILL on
 * POSIX) mid-burst. The reopened log must verify, and hold every record the child saw committed.
 */
abstract class KillDuringAppendsContract {

  private static final int KILL_AFTER = 400;

  @TempDir
  Path work;

  /** The JDBC URL of a fresh, empty database. */
  abstract String freshDatabase();

  @Test
  void killedWriterLeavesAVerifiableChainWithEveryCommittedRecord() throws Exception {
    String url = freshDatabase();
    Path keys = work.resolve("keys");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        AppendingChild.class.getName(), url, keys.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    List<Long> committed = new ArrayList<>();
    BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    try {
      assertEquals("ready", lines.readLine(), "the child started");
      String line;
      while (committed.size() < KILL_AFTER && (line = lines.readLine()) != null) {
        committed.add(Long.parseLong(line));
      }
    } finally {
      // The child is still appending. (Lines it printed after the last one read are not checked: the
      // kill closes the pipe.)
      child.destroyForcibly();
      child.waitFor();
    }
    assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
    assertTrue(committed.size() >= KILL_AFTER, "committed before the kill: " + committed.size());

    JdbcAuditLog reopened = TestDatabases.auditLog(url);
    ChainVerifier.Result result = new ChainVerifier(reopened, AuditKeys.publicKeys(keys), keys.toString()).verify();
    assertNull(result.broken(), result.summary());
    assertTrue(result.checkpoints() >= KILL_AFTER / 26, "checkpoints signed during the burst: " + result.checkpoints());
    TreeSet<Long> stored = reopened.read(1, Integer.MAX_VALUE).stream().map(AuditRecord::sequence)
        .collect(Collectors.toCollection(TreeSet::new));
    List<Long> lost = committed.stream().filter(s -> !stored.contains(s)).toList();
    assertEquals(List.of(), lost, "records the child saw committed but the store lost");
    assertTrue(stored.last() >= committed.get(committed.size() - 1));
    // The log goes on after the crash.
    assertEquals(stored.last() + 1, reopened.append("result", "after-crash", "test", List.of(), "{}").sequence());
    assertNull(new ChainVerifier(reopened, AuditKeys.publicKeys(keys), keys.toString()).verify().broken());
  }

}
