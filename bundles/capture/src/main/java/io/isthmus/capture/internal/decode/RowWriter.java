package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes Zeek log rows in one output format. */
interface RowWriter {

  /**
   * One row of log {@code path}: {@code ts}, then {@code uid} and the {@code id.*} columns when
   * the row belongs to a conversation, then {@code columns} in their order; null values are unset.
   */
  void row(String path, long timeMicros, @Nullable Conversation conversation, Map<String, @Nullable Object> columns)
      throws IOException;

  /** Writes out everything held, at the end of each capture. */
  void flush() throws IOException;
}
