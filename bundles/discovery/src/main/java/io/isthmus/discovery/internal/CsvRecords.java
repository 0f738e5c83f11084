package io.isthmus.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 records from a text: comma-separated fields, double quotes around fields that
 * hold commas, quotes or line breaks, {@code ""} for a quote inside them. The IEEE registry files
 * need all of it (organisation addresses span lines).
 */
final class CsvRecords {
  private final String text;
  private int at;

  CsvRecords(String text) {
    this.text = text;
  }

  /** The next record's fields, or {@code null} at the end of the text. */
  @Nullable List<String> next() {
    return next(Integer.MAX_VALUE);
  }

  /** The next record's first {@code wanted} fields (the rest are skipped), or {@code null} at the end. */
  @Nullable List<String> next(int wanted) {
    int end = text.length();
    if (at >= end) {
      return null;
    }
    List<String> fields = new ArrayList<>(4);
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (at < end) {
      char c = text.charAt(at++);
      if (quoted) {
        if (c != '"') {
          field.append(c);
        } else if (at < end && text.charAt(at) == '"') {
          field.append('"');
          at++;
        } else {
          quoted = false;
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        if (fields.size() < wanted) {
          fields.add(field.toString());
        }
        field.setLength(0);
      } else if (c == '\n') {
        break;
      } else if (c != '\r') {
        field.append(c);
      }
    }
    if (fields.size() < wanted) {
      fields.add(field.toString());
    }
    return fields;
  }
}
