package io.isthmus.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output, whose {@link PrintStream} hides write errors: a failed write (the reader of a
 * pipe went away) becomes an IOException, so a batch command stops instead of running on for nothing.
 */
final class CheckedStdout extends OutputStream {
  private final PrintStream out;

  CheckedStdout(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    check();
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    check();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
    check();
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  private void check() throws IOException {
    if (out.checkError()) {
      throw new IOException("Broken pipe");
    }
  }
}
