package io.isthmus.capture.internal.decode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Counts the bytes read from a capture file and shows them on a progress bar, if there is one. */
final class CountedInput extends FilterInputStream {
  private final @Nullable ProgressBar progress;
  private long count;

  CountedInput(InputStream in, @Nullable ProgressBar progress) {
    super(in);
    this.progress = progress;
  }

  long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    advance(skipped);
    return skipped;
  }

  private void advance(long n) {
    count += n;
    if (progress != null) {
      progress.update(count);
    }
  }
}
