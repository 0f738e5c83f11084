package io.isthmus.analyze.internal;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table for reading in a terminal: a header, then one line per finding with its columns
 * aligned; the explanation is the last column, so long ones only run on to the right.
 */
final class TableWriter implements FindingWriter {
  static final List<String> HEADER = List.of("TIME", "DEVICE", "SOURCE -> DESTINATION", "PROTOCOL", "MODEL", "SCORE",
      "TECHNIQUES", "INDICATORS", "EXPLANATION");
  private static final String GAP = "  ";

  @Override
  public void write(List<Finding> findings, Writer out) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Finding f : findings) {
      rows.add(cells(f));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder line = new StringBuilder(256);
    for (List<String> row : rows) {
      line.setLength(0);
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
        }
      }
      out.write(line.append('\n').toString());
    }
  }

  static List<String> cells(Finding f) {
    return List.of(FindingText.time(f.timeMicros()), f.device().toString(),
        FindingText.source(f) + " -> " + FindingText.destination(f), f.protocol(), f.modelId() + " " + f.modelVersion(),
        FindingText.score(f.score()),
        f.techniques().stream().map(Technique::id).collect(Collectors.joining(",")),
        String.join(",", f.indicators()), oneLine(f.explanation()));
  }

  /** An explanation with line breaks would break the table. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
