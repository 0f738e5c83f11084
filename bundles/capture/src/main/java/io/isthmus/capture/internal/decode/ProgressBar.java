package io.isthmus.capture.internal.decode;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line on a terminal, redrawn a few times a second: the file, a bar, the bytes read of the
 * file's size and the rate. Drawn only once the file has taken half a second, so short decodes
 * print nothing; erased when the file is done.
 */
final class ProgressBar {
  private static final long FIRST_NANOS = 500_000_000L;
  private static final long INTERVAL_NANOS = 250_000_000L;
  private static final int BAR = 30;
  private static final int NAME = 32;

  private final PrintStream err;
  private final String name;
  private final long total;
  private final long started = System.nanoTime();
  private long next = started + FIRST_NANOS;
  private int drawn;

  ProgressBar(PrintStream err, String name, long total) {
    this.err = err;
    this.name = name.length() <= NAME ? name : "\u2026" + name.substring(name.length() - NAME + 1);
    this.total = total;
  }

  void update(long bytes) {
    long now = System.nanoTime();
    if (now < next) {
      return;
    }
    next = now + INTERVAL_NANOS;
    String line = line(bytes, (now - started) / 1e9);
    StringBuilder s = new StringBuilder("\r").append(line);
    if (line.length() < drawn) {
      s.append(" ".repeat(drawn - line.length()));
    }
    drawn = line.length();
    err.print(s);
    err.flush();
  }

  /** Erases the bar. */
  void done() {
    if (drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
      drawn = 0;
    }
  }

  String line(long bytes, double seconds) {
    double fraction = total <= 0 ? 0 : Math.min(1, (double) bytes / total);
    int filled = (int) Math.round(fraction * BAR);
    double perSecond = seconds <= 0 ? 0 : bytes / seconds;
    String rate = perSecond <= 0 ? "" : String.format(Locale.ROOT, "  %s/s  ETA %d s", megabytes(perSecond),
        (long) Math.ceil(Math.max(0, total - bytes) / perSecond));
    return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %s / %s%s", name, "#".repeat(filled), ".".repeat(BAR - filled),
        Math.round(fraction * 100), megabytes(bytes), megabytes(total), rate);
  }

  private static String megabytes(double bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
