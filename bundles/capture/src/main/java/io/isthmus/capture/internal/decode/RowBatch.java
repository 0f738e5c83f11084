package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rows on their way from the decoding thread to the writing one, in flat arrays that are reused
 * batch after batch. The rows themselves are kept, not copied: a decoder gives a row away when it
 * logs it ({@link io.isthmus.api.decode.DecodeSink#log}), so copying would only put work on the
 * decoding thread, the busier of the two.
 */
final class RowBatch {
  static final int ROWS = 2048;

  private final String[] paths = new String[ROWS];
  private final long[] times = new long[ROWS];
  private final @Nullable Conversation[] conversations = new Conversation[ROWS];
  private final Map<?, ?>[] columns = new Map<?, ?>[ROWS];
  private int rows;
  /** The target is to be flushed once the rows are written. */
  boolean flush;
  /** No batch comes after this one. */
  boolean last;

  boolean isFull() {
    return rows == ROWS;
  }

  boolean hasNoRows() {
    return rows == 0;
  }

  void add(String path, long timeMicros, @Nullable Conversation c, Map<String, @Nullable Object> row) {
    paths[rows] = path;
    times[rows] = timeMicros;
    conversations[rows] = c;
    columns[rows++] = row;
  }

  /** Writes the rows to {@code writer}, then forgets them. */
  @SuppressWarnings("unchecked")
  void writeTo(RowWriter writer) throws IOException {
    for (int r = 0; r < rows; r++) {
      writer.row(paths[r], times[r], conversations[r], (Map<String, @Nullable Object>) columns[r]);
    }
    reset();
  }

  /** Forgets the rows (and drops the references to them). */
  void reset() {
    Arrays.fill(conversations, 0, rows, null);
    Arrays.fill(columns, 0, rows, null);
    rows = 0;
    flush = false;
    last = false;
  }
}
