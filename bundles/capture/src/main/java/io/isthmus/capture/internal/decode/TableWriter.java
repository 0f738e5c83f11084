package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Aligned tables for a person at a terminal: rows are gathered per log and printed in blocks of
 * at most {@value #BLOCK_ROWS} under a heading with the log's name, with the time in ISO-8601
 * UTC, the client and server, and every column set in at least one row of the block. Long values
 * are cut at {@value #MAX_CELL} characters. Memory is one block per log.
 */
final class TableWriter implements RowWriter {
  static final int BLOCK_ROWS = 50;
  static final int MAX_CELL = 40;
  private static final String GAP = "  ";
  /** Columns of the weird log that say nothing at a terminal. */
  private static final Set<String> HIDDEN_WEIRD = Set.of("notice", "peer");

  private final Writer out;
  private final Map<String, Block> blocks = new LinkedHashMap<>();
  private boolean first = true;

  /** The rows of one log not printed yet. */
  private static final class Block {
    final Set<String> columns = new LinkedHashSet<>();
    final List<String[]> fixed = new ArrayList<>();
    final List<Map<String, String>> cells = new ArrayList<>();
  }

  TableWriter(OutputStream stream) {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void row(String path, long timeMicros, @Nullable Conversation c, Map<String, @Nullable Object> columns)
      throws IOException {
    String[] fixed = {ZeekText.time(timeMicros), c == null ? ZeekText.UNSET : c.client().toString(),
        c == null ? ZeekText.UNSET : c.server().toString()};
    Block block = blocks.computeIfAbsent(path, p -> new Block());
    Map<String, String> cells = new LinkedHashMap<>();
    boolean weird = path.equals("weird");
    for (Map.Entry<String, @Nullable Object> e : columns.entrySet()) {
      if (e.getValue() != null && !(weird && HIDDEN_WEIRD.contains(e.getKey()))) {
        block.columns.add(e.getKey());
        cells.put(e.getKey(), cut(ZeekText.value(e.getValue())));
      }
    }
    block.fixed.add(fixed);
    block.cells.add(cells);
    if (block.fixed.size() >= BLOCK_ROWS) {
      print(path);
    }
  }

  @Override
  public void flush() throws IOException {
    for (String path : new ArrayList<>(blocks.keySet())) {
      print(path);
    }
    out.flush();
  }

  private void print(String path) throws IOException {
    Block block = blocks.remove(path);
    if (block == null || block.fixed.isEmpty()) {
      return;
    }
    List<String[]> fixed = block.fixed;
    List<Map<String, String>> cells = block.cells;
    List<String> headings = new ArrayList<>(List.of("time", "client", "server"));
    headings.addAll(block.columns);
    String[][] table = new String[fixed.size()][];
    for (int r = 0; r < table.length; r++) {
      String[] row = new String[headings.size()];
      System.arraycopy(fixed.get(r), 0, row, 0, 3);
      for (int col = 3; col < row.length; col++) {
        row[col] = cells.get(r).getOrDefault(headings.get(col), ZeekText.UNSET);
      }
      table[r] = row;
    }
    int[] widths = new int[headings.size()];
    for (int col = 0; col < widths.length; col++) {
      widths[col] = headings.get(col).length();
      for (String[] row : table) {
        widths[col] = Math.max(widths[col], row[col].length());
      }
    }
    if (!first) {
      out.write('\n');
    }
    first = false;
    out.write(path);
    out.write('\n');
    line(headings.toArray(String[]::new), widths);
    for (String[] row : table) {
      line(row, widths);
    }
    // A person at a terminal sees each block as soon as it is complete.
    out.flush();
  }

  private void line(String[] cells, int[] widths) throws IOException {
    StringBuilder s = new StringBuilder(256);
    for (int col = 0; col < cells.length; col++) {
      if (col > 0) {
        s.append(GAP);
      }
      s.append(cells[col]);
      if (col < cells.length - 1) {
        s.append(" ".repeat(widths[col] - cells[col].length()));
      }
    }
    out.write(s.append('\n').toString());
  }

  private static String cut(String s) {
    return s.length() <= MAX_CELL ? s : s.substring(0, MAX_CELL - 1) + "\u2026";
  }
}
