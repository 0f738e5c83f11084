package io.isthmus.analyze.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWriterTest {

  @Test
  void aHeaderThenOneAlignedLinePerFinding() throws IOException {
    StringWriter out = new StringWriter();
    new TableWriter().write(List.of(Findings.finding("counting", 1_494_530_521_102_380L, "first\r\n  second"),
        Findings.finding("iforest", 1_494_530_522_000_000L, "short")), out);

    List<String> lines = out.toString().lines().toList();
    assertEquals(3, lines.size());
    String header = lines.get(0);
    assertTrue(header.startsWith("TIME "), header);
    for (String column : List.of("DEVICE", "SOURCE -> DESTINATION", "MODEL", "SCORE", "TECHNIQUES", "EXPLANATION")) {
      int at = header.indexOf(column);
      assertTrue(at > 0, column);
      for (String row : lines.subList(1, 3)) {
        assertEquals(' ', row.charAt(at - 1), column + " starts after a space in: " + row);
        assertTrue(row.charAt(at) != ' ', column + " is aligned in: " + row);
      }
    }
    String row = lines.get(1);
    assertTrue(row.startsWith("2017-05-11T19:22:01.102380Z  10.0.0.5:502  10.0.0.9:49152 -> 10.0.0.5:502  modbus"), row);
    assertTrue(row.contains("counting 1.2.0"), row);
    assertTrue(row.contains("  0.88 "), row);
    assertTrue(row.contains("  T0855,T0836  new_writer_host,fc_not_in_baseline:6  "), row);
    assertTrue(row.endsWith("  first second"), row);
  }

  @Test
  void withoutFindingsOnlyTheHeader() throws IOException {
    StringWriter out = new StringWriter();
    new TableWriter().write(List.of(), out);
    assertEquals(String.join("  ", TableWriter.HEADER) + "\n", out.toString());
  }
}
