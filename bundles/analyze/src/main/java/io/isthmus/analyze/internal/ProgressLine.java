package io.isthmus.analyze.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line on a terminal while a file is replayed: the phase, the file, the share read. Drawn
 * only once the file has taken half a second and at most four times a second; erased at the end.
 */
final class ProgressLine {
  private static final long FIRST_NANOS = 500_000_000L;
  private static final long INTERVAL_NANOS = 250_000_000L;

  private final PrintStream err;
  private final String label;
  private final long size;
  private final long started = System.nanoTime();
  private long next = started + FIRST_NANOS;
  private int drawn;

  ProgressLine(PrintStream err, String phase, String file, long size) {
    this.err = err;
    this.label = phase + " " + file;
    this.size = size;
  }

  void update(long bytes) {
    long now = System.nanoTime();
    if (now < next) {
      return;
    }
    next = now + INTERVAL_NANOS;
    String line = text(bytes);
    err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    err.flush();
    drawn = line.length();
  }

  String text(long bytes) {
    long percent = size <= 0 ? 0 : Math.min(100, bytes * 100 / size);
    return String.format(Locale.ROOT, "%s  %3d%%  %.1f / %.1f MB", label, percent, bytes / 1e6, size / 1e6);
  }

  void done() {
    if (drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
      drawn = 0;
    }
  }
}
