package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Rows on their way from the decoding thread to the writing one, copied column by column into
 * flat arrays that are reused batch after batch. While the batch is written it is also the map of
 * the row being written ({@link #forEach} and {@link #entrySet} over that row's columns).
 */
final class RowBatch extends AbstractMap<String, @Nullable Object> {
  static final int ROWS = 2048;
  private static final int COLUMNS = 16 * ROWS;

  private final String[] paths = new String[ROWS];
  private final long[] times = new long[ROWS];
  private final @Nullable Conversation[] conversations = new Conversation[ROWS];
  /** Where each row's columns end. */
  private final int[] ends = new int[ROWS];
  private String[] names = new String[COLUMNS];
  private @Nullable Object[] values = new Object[COLUMNS];
  private int rows;
  private int columns;
  /** The target is to be flushed once the rows are written. */
  boolean flush;
  /** No batch comes after this one. */
  boolean last;
  private int from;
  private int to;
  private final BiConsumer<String, @Nullable Object> append = (name, value) -> {
    names[columns] = name;
    values[columns++] = value;
  };

  /** Whether a row of {@code size} columns still fits. */
  boolean fits(int size) {
    return rows < ROWS && columns + size <= names.length;
  }

  boolean hasNoRows() {
    return rows == 0;
  }

  /** Copies a row (the map, not the values); a row larger than the batch grows it. */
  void add(String path, long timeMicros, @Nullable Conversation c, Map<String, @Nullable Object> row) {
    if (columns + row.size() > names.length) {
      names = Arrays.copyOf(names, columns + row.size());
      values = Arrays.copyOf(values, columns + row.size());
    }
    paths[rows] = path;
    times[rows] = timeMicros;
    conversations[rows] = c;
    row.forEach(append);
    ends[rows++] = columns;
  }

  /** Writes the rows to {@code writer}, then forgets them. */
  void writeTo(RowWriter writer) throws IOException {
    from = 0;
    for (int r = 0; r < rows; r++) {
      to = ends[r];
      writer.row(paths[r], times[r], conversations[r], this);
      from = to;
    }
    reset();
  }

  /** Forgets the rows (and drops the references to their values). */
  void reset() {
    Arrays.fill(values, 0, columns, null);
    Arrays.fill(conversations, 0, rows, null);
    rows = 0;
    columns = 0;
    from = 0;
    to = 0;
    flush = false;
    last = false;
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super @Nullable Object> action) {
    for (int i = from; i < to; i++) {
      action.accept(names[i], values[i]);
    }
  }

  @Override
  public Set<Entry<String, @Nullable Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return to - from;
      }

      @Override
      public Iterator<Entry<String, @Nullable Object>> iterator() {
        return new Iterator<>() {
          private int next = from;

          @Override
          public boolean hasNext() {
            return next < to;
          }

          @Override
          public Entry<String, @Nullable Object> next() {
            if (next >= to) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], values[i]);
          }
        };
      }
    };
  }
}
