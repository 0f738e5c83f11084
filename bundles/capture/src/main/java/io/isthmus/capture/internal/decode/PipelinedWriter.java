package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows on a thread of its own, so encoding and writing them runs beside decoding (two
 * cores make a capture decode faster). Rows are handed over as they are, in batches: a decoder
 * gives a row away when it logs it. A write failure is thrown by the caller's next {@link #row} or
 * {@link #flush}.
 */
final class PipelinedWriter implements RowWriter, AutoCloseable {
  private static final int BATCHES = 4;

  private final RowWriter target;
  private final BlockingQueue<RowBatch> full = new ArrayBlockingQueue<>(BATCHES);
  private final BlockingQueue<RowBatch> free = new ArrayBlockingQueue<>(BATCHES);
  private final Semaphore flushed = new Semaphore(0);
  private final Thread thread;
  private volatile @Nullable IOException failure;
  private RowBatch current = new RowBatch();
  private boolean closed;

  PipelinedWriter(RowWriter target) {
    this.target = target;
    for (int i = 1; i < BATCHES; i++) {
      free.add(new RowBatch());
    }
    thread = new Thread(this::writeBatches, "isthmus-decode-writer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void row(String path, long timeMicros, @Nullable Conversation c, Map<String, @Nullable Object> columns)
      throws IOException {
    check();
    if (current.isFull()) {
      handOver();
    }
    current.add(path, timeMicros, c, columns);
  }

  /** Waits until every row so far is written and the target flushed. */
  @Override
  public void flush() throws IOException {
    current.flush = true;
    handOver();
    try {
      flushed.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the rows were written");
    }
    check();
  }

  /** Ends the writing thread once what it holds is written (not flushed: call {@link #flush} first). */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    current.last = true;
    try {
      full.put(current);
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handOver() throws IOException {
    try {
      full.put(current);
      current = free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the rows were handed over");
    }
  }

  private void check() throws IOException {
    IOException f = failure;
    if (f != null) {
      throw f;
    }
  }

  private void writeBatches() {
    while (true) {
      RowBatch batch;
      try {
        batch = full.take();
      } catch (InterruptedException e) {
        return;
      }
      boolean flush = batch.flush;
      boolean last = batch.last;
      if (failure == null) {
        try {
          batch.writeTo(target);
          if (flush) {
            target.flush();
          }
        } catch (IOException e) {
          failure = e;
        } catch (RuntimeException | Error e) {
          // Kept for the caller, which would otherwise wait for this thread forever.
          failure = new IOException(e.toString(), e);
        }
      }
      batch.reset();
      if (last) {
        return;
      }
      free.add(batch);
      if (flush) {
        flushed.release();
      }
    }
  }
}
