package io.isthmus.analyze.internal;

import io.isthmus.api.detection.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes findings, already sorted, in one output format. */
interface FindingWriter {

  void write(List<Finding> findings, Writer out) throws IOException;

  static FindingWriter of(String format) {
    return switch (format) {
      case AnalyzeRequest.JSONL -> new JsonLinesWriter();
      case AnalyzeRequest.TABLE -> new TableWriter();
      default -> throw new IllegalArgumentException("unknown format '" + format + "'");
    };
  }
}
