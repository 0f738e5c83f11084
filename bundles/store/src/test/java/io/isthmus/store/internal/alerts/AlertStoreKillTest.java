package io.isthmus.store.internal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.alert.Alert;
import io.isthmus.store.internal.Databases;
import io.isthmus.store.internal.TestDatabases;
import io.isthmus.store.internal.TestPools;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during heavy writes: a child JVM writes alerts and prints every id after its commit; the
 * test kills it (SIGKILL) mid-burst, reopens the database and finds every printed alert intact.
 */
class AlertStoreKillTest {

  /** Ids the child must have committed before the kill: 400 transactions of 5 new alerts and one update. */
  private static final int COMMITTED_BEFORE_KILL = 2_000;

  @TempDir
  Path directory;

  @AfterEach
  void closePools() {
    TestPools.closeAll();
  }

  @Test
  void everyCommittedAlertSurvivesKillOnH2() throws Exception {
    killWhileWriting(List.of("h2", directory.resolve("db").toString()), () -> Databases.embedded(directory.resolve("db")));
  }

  @Test
  void everyCommittedAlertSurvivesKillOnPostgres() throws Exception {
    String url = PgScratch.freshSchemaUrl();
    killWhileWriting(List.of("pg", url), () -> PgScratch.open(url));
  }

  private interface Opener {
    DataSource open();
  }

  private void killWhileWriting(List<String> args, Opener opener) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AlertWriter.class.getName()));
    command.addAll(args);
    Path log = directory.resolve("writer.log");
    Process writer = new ProcessBuilder(command).redirectError(log.toFile()).start();
    List<String> printed = new ArrayList<>();
    long lastHot = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int ids = 0;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(AlertWriter.HOT + " ")) {
          lastHot = Long.parseLong(line.substring(AlertWriter.HOT.length() + 1));
        } else if (line.startsWith("k-")) {
          printed.add(line);
          if (++ids == COMMITTED_BEFORE_KILL) {
            // SIGKILL while the writer is still committing; destroying also closes this stream.
            writer.destroyForcibly();
            break;
          }
        }
      }
    } finally {
      writer.destroyForcibly();
      assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer is gone");
    }
    assertTrue(printed.size() >= COMMITTED_BEFORE_KILL,
        "the writer committed " + printed.size() + " alerts before it ended; its log:\n" + Files.readString(log));
    assertEquals(137, writer.exitValue(), "killed by SIGKILL, not ended on its own");

    DataSource reopened = opener.open();
    assertEquals(0, TestDatabases.migrate(reopened, JdbcAlertStore.AREA), "the schema is intact: nothing to migrate");
    JdbcAlertStore store = new JdbcAlertStore(reopened);
    for (String id : printed) {
      Alert expected = AlertWriter.numbered(Long.parseLong(id.substring(2)));
      assertEquals(expected, store.findById(id).orElse(null), "committed alert " + id + " is present and intact");
    }
    Alert hot = store.findById(AlertWriter.HOT).orElseThrow();
    assertTrue(hot.count() >= lastHot, "the hot alert keeps at least its last committed count " + lastHot);
    assertEquals(AlertWriter.hot(hot.count()), hot, "the hot alert is one of its committed versions");

    assertFalse(store.recent(10).isEmpty(), "queries work after the kill");
    Alert after = AlertStoreContract.alert("after-kill", "g", 1, AlertStoreContract.T2, Alert.State.OPEN);
    store.save(after);
    assertEquals(after, store.findById("after-kill").orElseThrow(), "writes work after the kill");
  }
}
