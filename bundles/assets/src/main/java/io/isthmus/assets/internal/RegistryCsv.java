package io.isthmus.assets.internal;

import io.isthmus.api.store.StoredAsset;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry as CSV (RFC 4180: comma-separated, double quotes around a cell with a comma, quote or line
 * break). The first record is the header; columns may come in any order and only {@code id} is required.
 * A cell that a spreadsheet would run as a formula (starting with = + - @) is written with a leading
 * apostrophe, which reading removes again.
 */
final class RegistryCsv {

  private RegistryCsv() {}

  static RegistryRead read(Reader in, String file) throws IOException {
    RegistryRead read = new RegistryRead(file);
    CsvRecords records = new CsvRecords(in);
    List<String> header = records.next();
    while (header != null && header.stream().allMatch(String::isBlank)) {
      header = records.next();
    }
    if (header == null) {
      read.reject(1, "the file is empty; the first line must be a header with at least the column id");
      return read;
    }
    List<String> columns = new ArrayList<>();
    for (String name : header) {
      String column = name.trim().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').trim();
      columns.add(column);
      if (!RegistryFields.COLUMNS.contains(column) && !RegistryFields.READ_ONLY.contains(column)) {
        read.note("column '" + name.trim() + "' is not a registry column and was ignored");
      }
    }
    if (!columns.contains("id")) {
      read.reject(records.recordLine(), "the header has no id column (columns: " + String.join(", ", RegistryFields.COLUMNS) + ")");
      return read;
    }
    for (List<String> record = records.next(); record != null; record = records.next()) {
      if (record.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (record.size() > columns.size()) {
        read.reject(records.recordLine(), record.size() + " cells but the header has " + columns.size()
            + " columns (a cell with a comma must be in double quotes)");
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < record.size(); i++) {
        if (RegistryFields.COLUMNS.contains(columns.get(i))) {
          cells.put(columns.get(i), unescapeFormula(record.get(i)));
        }
      }
      read.row(records.recordLine(), cells);
    }
    if (records.unterminatedQuoteLine() > 0) {
      read.reject(records.unterminatedQuoteLine(), "a quoted cell is never closed; the rest of the file was read as that cell");
    }
    return read;
  }

  static void write(List<StoredAsset> assets, Writer out) throws IOException {
    List<String> header = new ArrayList<>(RegistryFields.COLUMNS);
    header.add("conflicts");
    line(out, header);
    for (StoredAsset stored : assets) {
      List<String> cells = new ArrayList<>();
      Map<String, String> values = RegistryValues.of(stored.asset());
      for (String column : RegistryFields.COLUMNS) {
        cells.add(values.get(column));
      }
      cells.add(RegistryValues.conflicts(stored));
      line(out, cells);
    }
    out.flush();
  }

  private static void line(Writer out, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(escapeFormula(cells.get(i))));
    }
    out.write("\r\n");
  }

  private static String quote(String cell) {
    boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
        || cell.indexOf('\r') >= 0 || !cell.equals(cell.trim());
    return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }

  private static boolean formulaLike(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
  }

  private static String escapeFormula(String cell) {
    return formulaLike(cell) ? "'" + cell : cell;
  }

  private static String unescapeFormula(String cell) {
    return cell.startsWith("'") && formulaLike(cell.substring(1)) ? cell.substring(1) : cell;
  }
}
