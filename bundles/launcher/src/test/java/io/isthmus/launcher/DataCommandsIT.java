package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isthmus assets} and {@code isthmus audit} on the data directory of the default runtime, which
 * replays the demo capture: while the runtime holds the embedded store they say so in one line; after
 * it stopped they read what it stored.
 */
class DataCommandsIT {

  record Run(int code, String out, String err) {}

  private static Run command(Path dir, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(LauncherProcess.command(args)).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", args) + " did not end within 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void commandsReadTheStoreTheRuntimeWroteAndRefuseWhileItHoldsIt(@TempDir Path dir) throws Exception {
    String data = dir.resolve("data").toString();
    try (LauncherProcess isthmus = LauncherProcess.run(dir)) {
      isthmus.awaitHealth(body -> body.contains("\"findings\":") && !body.contains("\"findings\":0"), Duration.ofSeconds(90));

      Run busy = command(dir, "audit", "verify", "--data-dir", data);
      assertEquals(1, busy.code(), busy.err());
      assertTrue(busy.err().contains("isthmus: the store in " + data + " is in use by another Isthmus process;"
          + " stop it first (while it runs, /api/v1 serves the same data)\n"), busy.err());
      assertTrue(!busy.err().contains("\tat "), "no stack trace: " + busy.err());

      isthmus.terminate();
    }

    Run verify = command(dir, "audit", "verify", "--data-dir", data);
    assertEquals(0, verify.code(), verify.err());
    assertTrue(verify.out().strip().matches("\\d+ records, \\d+ checkpoints?, chain intact"), verify.out());
    assertTrue(!verify.out().startsWith("0 records"), "the demo's alerts are in the audit log: " + verify.out());

    Run list = command(dir, "assets", "list", "--data-dir", data);
    assertEquals(0, list.code(), list.err());
    // The demo capture's Modbus server answers 43/14 with these identification objects.
    assertTrue(list.out().contains("Zeek Modbus Test"), list.out());
    assertTrue(list.out().contains("1.2.3.6"), list.out());

    Run missing = command(dir, "assets", "list", "--data-dir", dir.resolve("nowhere").toString());
    assertEquals(2, missing.code(), missing.err());
  }
}
