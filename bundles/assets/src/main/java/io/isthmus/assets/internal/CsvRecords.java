package io.isthmus.assets.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Splits CSV text into records of cells (RFC 4180), remembering the line each record starts on. */
final class CsvRecords {

  /** A record longer than this is refused rather than held in memory. */
  private static final int MAX_RECORD_CHARS = 1 << 20;

  private final Reader in;
  private int line = 1;
  private int recordLine;
  private int unterminatedQuoteLine;
  private int pushedBack = -2;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The line the record last returned starts on (1-based). */
  int recordLine() {
    return recordLine;
  }

  /** The line of a quoted cell the file ended inside, 0 if none. */
  int unterminatedQuoteLine() {
    return unterminatedQuoteLine;
  }

  /** The next record, or {@code null} at the end of the text. */
  @Nullable List<String> next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int length = 0;
    boolean quoted = false;
    int quoteStart = 0;
    while (true) {
      if (++length > MAX_RECORD_CHARS) {
        throw new IOException("line " + recordLine + ": a record longer than " + MAX_RECORD_CHARS + " characters");
      }
      if (quoted) {
        if (c < 0) {
          unterminatedQuoteLine = quoteStart;
          cells.add(cell.toString());
          return cells;
        } else if (c == '"') {
          int after = read();
          if (after == '"') {
            cell.append('"');
          } else {
            quoted = false;
            c = after;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append((char) c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        quoted = true;
        quoteStart = line;
        cell.setLength(0);
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c < 0 || c == '\n' || c == '\r') {
        if (c == '\r') {
          int after = read();
          if (after != '\n') {
            pushedBack = after;
          }
        }
        if (c >= 0) {
          line++;
        }
        cells.add(cell.toString());
        return cells;
      } else {
        cell.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }
}
