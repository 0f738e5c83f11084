package io.isthmus.capture.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tables a person reads: aligned columns, ISO-8601 UTC times, one line per row whatever the values hold. */
class TableWriterTest {

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void alignedColumnsUnderTheLogsName() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableWriter w = new TableWriter(bytes);
    // 2012-07-20T09:34:59.588269Z is 1342776899.588269 s after the epoch.
    w.row("modbus_detailed", 1_342_776_899_588_269L, ZeekJsonWriterTest.MODBUS,
        row("tid", 1L, "func", "READ_COILS", "response_values", List.of(1L, 0L), "matched", true, "exception_code", null));
    w.row("modbus_detailed", 1_342_776_899_600_000L, ZeekJsonWriterTest.MODBUS,
        row("tid", 12L, "func", "WRITE_SINGLE_REGISTER", "response_values", List.of(), "matched", false));
    w.flush();
    assertEquals("""
        modbus_detailed
        time                         client           server         tid  func                   response_values  matched
        2012-07-20T09:34:59.588269Z  127.0.0.1:47785  127.0.0.1:502  1    READ_COILS             1,0              T
        2012-07-20T09:34:59.600000Z  127.0.0.1:47785  127.0.0.1:502  12   WRITE_SINGLE_REGISTER  (empty)          F
        """, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void eachLogHasItsOwnTableAndWeirdsHideNoticeAndPeer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableWriter w = new TableWriter(bytes);
    w.row("weird", 0, null, row("name", "pcap_truncated", "addl", "x.pcap: the file ends", "notice", false, "peer", "isthmus"));
    w.row("modbus", 0, ZeekJsonWriterTest.MODBUS, row("func", "READ_COILS", "exception", null));
    w.flush();
    assertEquals("""
        weird
        time                         client  server  name            addl
        1970-01-01T00:00:00.000000Z  -       -       pcap_truncated  x.pcap: the file ends

        modbus
        time                         client           server         func
        1970-01-01T00:00:00.000000Z  127.0.0.1:47785  127.0.0.1:502  READ_COILS
        """, bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void controlCharactersAreShownAndLongValuesCut() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableWriter w = new TableWriter(bytes);
    w.row("p", 0, null, row("a", "line\nbreak\ttab", "b", "x".repeat(100)));
    w.flush();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[2].contains("line\\x0abreak\\x09tab"), lines[2]);
    assertTrue(lines[2].endsWith("x".repeat(TableWriter.MAX_CELL - 1) + "\u2026"), lines[2]);
  }

  @Test
  void rowsArePrintedInBlocksSoMemoryStaysBounded() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableWriter w = new TableWriter(bytes);
    for (int i = 0; i < TableWriter.BLOCK_ROWS; i++) {
      w.row("p", 0, null, row("i", i));
    }
    int afterOneBlock = bytes.size();
    assertTrue(afterOneBlock > 0, "a full block is printed without waiting for the end");
    w.row("p", 0, null, row("i", 99));
    w.flush();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(2, text.split("\np\n", -1).length, text);
    assertEquals(TableWriter.BLOCK_ROWS + 1 + 2 * 2 + 1, text.strip().split("\n").length, "rows, two headings each, a blank line");
  }

  @Test
  void timesAreIso8601Utc() {
    assertEquals("2020-07-27T23:13:53.306976Z", ZeekText.time(1_595_891_633_306_976L));
    assertEquals("1969-12-31T23:59:59.999999Z", ZeekText.time(-1));
  }
}
