package io.isthmus.capture.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A bounded window over a stream: callers look at the next bytes in place ({@link #fill}, then
 * {@link #array()} from {@link #position()}) and move on with {@link #skip}. Memory is the window,
 * whatever the stream's size.
 */
final class ByteInput implements Closeable {
  private final InputStream in;
  private final byte[] buf;
  private int pos;
  private int end;
  private long offset;
  private boolean eof;

  ByteInput(InputStream in, int capacity) {
    this.in = in;
    this.buf = new byte[capacity];
  }

  int capacity() {
    return buf.length;
  }

  /**
   * Makes {@code n} bytes available from the position, unless the stream ends first.
   *
   * @return the bytes available from the position: {@code n} or more, fewer only at the end
   */
  int fill(int n) throws IOException {
    if (n > buf.length) {
      throw new IllegalArgumentException("window of " + buf.length + " bytes cannot hold " + n);
    }
    if (end - pos >= n || eof) {
      return end - pos;
    }
    if (pos + n > buf.length) {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      end -= pos;
      pos = 0;
    }
    while (end - pos < n) {
      int r = in.read(buf, end, buf.length - end);
      if (r < 0) {
        eof = true;
        break;
      }
      end += r;
    }
    return end - pos;
  }

  byte[] array() {
    return buf;
  }

  int position() {
    return pos;
  }

  /** Offset in the stream of the byte at the position. */
  long offset() {
    return offset;
  }

  /** Skips {@code n} bytes; returns how many were skipped (fewer only at the end of the stream). */
  long skip(long n) throws IOException {
    long buffered = end - pos;
    if (n <= buffered) {
      pos += (int) n;
      offset += n;
      return n;
    }
    pos = end = 0;
    long skipped = buffered;
    while (skipped < n && !eof) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n - skipped));
      if (r < 0) {
        eof = true;
      } else {
        skipped += r;
      }
    }
    offset += skipped;
    return skipped;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
