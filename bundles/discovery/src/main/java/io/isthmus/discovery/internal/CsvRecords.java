package io.isthmus.discovery.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 records: comma-separated fields, double quotes around fields that hold commas,
 * quotes or line breaks, {@code ""} for a quote inside them. The IEEE registry files need all of it
 * (organisation addresses span lines).
 */
final class CsvRecords {
  private final Reader in;
  private int pushedBack = -2;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The next record's fields, or {@code null} at the end of the input. */
  @Nullable List<String> next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    List<String> fields = new ArrayList<>(4);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (quoted) {
        if (c < 0) {
          fields.add(field.toString());
          return fields;
        }
        if (c == '"') {
          int after = read();
          if (after == '"') {
            field.append('"');
          } else {
            quoted = false;
            unread(after);
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c < 0) {
        fields.add(field.toString());
        return fields;
      } else if (c != '\r') {
        field.append((char) c);
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

  private void unread(int c) {
    pushedBack = c;
  }
}
