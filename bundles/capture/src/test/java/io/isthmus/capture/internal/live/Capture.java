package io.isthmus.capture.internal.live;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** What a live test needs from the machine, checked as assumptions that say what is missing. */
final class Capture {
  private static final int CAP_NET_RAW = 13;

  private Capture() {}

  /** Skips the test unless libpcap loads and this process holds CAP_NET_RAW. */
  static void assumeCanCapture() throws IOException {
    try {
      LibPcap.load(LibPcap.NAMES);
    } catch (LiveCaptureException e) {
      assumeTrue(false, "live capture tests skipped: " + e.getMessage());
    }
    assumeTrue(hasNetRaw(), "live capture tests skipped: this process lacks CAP_NET_RAW (run the build as root)");
  }

  static boolean hasNetRaw() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("CapEff:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) >>> CAP_NET_RAW & 1) == 1;
      }
    }
    return false;
  }

  /** Runs {@code body} with System.err (where slf4j-simple logs) captured; returns what was written. */
  static String stderrOf(Callable<?> body) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.call();
    } finally {
      System.setErr(original);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }
}
