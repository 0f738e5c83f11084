package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.DecodeOutput;
import io.isthmus.capture.internal.StreamReplay;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Takes what one capture's decoders and the capture layer produce and writes it: decoders' log
 * rows as they are, each weird as a row of Zeek's {@code weird} log. Writing is never allowed to
 * throw into a decoder (it would be taken for the decoder's failure): the first output error is
 * kept, and the replay is asked to stop.
 */
final class RowRouter implements DecodeOutput, StreamReplay.WeirdListener {
  static final String WEIRD = "weird";
  static final String PEER = "isthmus";

  private final RowWriter writer;
  private final ConversationIndex conversations;
  private final DecodeSummary summary;
  private @Nullable IOException failure;
  private long lastMicros;

  RowRouter(RowWriter writer, ConversationIndex conversations, DecodeSummary summary) {
    this.writer = writer;
    this.conversations = conversations;
    this.summary = summary;
  }

  @Override
  public void accept(TelemetryEvent event) {
    // Events are counted by the replay (decoders may send them without fields); the output is the rows.
  }

  @Override
  public boolean wantsEvents() {
    return false;
  }

  @Override
  public boolean wantsLogs() {
    return true;
  }

  @Override
  public void log(Conversation conversation, long timeMicros, String path, Map<String, Object> row) {
    lastMicros = timeMicros;
    if (write(path, timeMicros, conversation, row)) {
      summary.row();
    }
  }

  @Override
  public void weird(long timeMicros, String name, String detail, @Nullable String uid) {
    summary.weird(name);
    ConversationIndex.Entry entry = conversations.get(uid);
    Map<String, @Nullable Object> row = new WeirdRow(name, detail, PEER, entry == null ? null : entry.source());
    // Weirds of the file itself (a bad header) carry no time: they get the last time seen.
    long time = timeMicros > 0 ? timeMicros : lastMicros;
    write(WEIRD, time, entry == null ? null : entry.conversation(), row);
  }

  private boolean write(String path, long timeMicros, @Nullable Conversation c, Map<String, @Nullable Object> row) {
    if (failure != null) {
      return false;
    }
    try {
      writer.row(path, timeMicros, c, row);
      return true;
    } catch (IOException e) {
      failure = e;
      return false;
    }
  }

  void flush() {
    if (failure == null) {
      try {
        writer.flush();
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  boolean failed() {
    return failure != null;
  }

  @Nullable IOException failure() {
    return failure;
  }
}
