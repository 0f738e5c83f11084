package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors: one line on stderr, exit code 2, no stack trace; checked before any framework starts. */
class CommandLineTest {

  record Result(int code, String out, String err) {}

  static Result isthmus(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Isthmus.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  static void assertOneLineError(Result r, String expected) {
    assertEquals(2, r.code(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].startsWith("isthmus: "), r.err());
    assertTrue(lines[0].contains(expected), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void unknownOption() {
    assertOneLineError(isthmus("run", "--frobnicate"), "Unknown option: '--frobnicate'");
  }

  @Test
  void unknownCommand() {
    assertOneLineError(isthmus("fly"), "Unmatched argument");
  }

  @Test
  void portNotANumber() {
    assertOneLineError(isthmus("run", "--http-port", "eighty"), "--http-port");
  }

  @Test
  void portInUse(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertOneLineError(isthmus("run", "--data-dir", dir.toString(), "--http-port", Integer.toString(taken.getLocalPort())),
          "cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  @Test
  void portOutOfRange(@TempDir Path dir) {
    assertOneLineError(isthmus("run", "--data-dir", dir.toString(), "--http-port", "70000"), "out of range");
  }

  @Test
  void dataDirectoryIsAFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertOneLineError(isthmus("run", "--data-dir", file.toString(), "--http-port", "0"), "cannot use data directory");
  }

  @Test
  void missingFeature(@TempDir Path dir) {
    assertOneLineError(isthmus("run", "--data-dir", dir.toString(), "--feature", "no-such-feature"),
        "feature 'no-such-feature' is neither a file nor a feature");
  }

  @Test
  void invalidFeatureFile(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{ this is not json");
    assertOneLineError(isthmus("run", "--data-dir", dir.toString(), "--feature", bad.toString()), "is not a valid OSGi feature");
  }

  @Test
  void helpListsTheCommands() {
    Result r = isthmus("--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("run") && r.out().contains("bench"), r.out());
  }
}
