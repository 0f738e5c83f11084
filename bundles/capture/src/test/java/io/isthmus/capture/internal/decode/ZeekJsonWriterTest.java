package io.isthmus.capture.internal.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON lines against the JSON grammar (RFC 8259) and Zeek's JSON log conventions. */
class ZeekJsonWriterTest {
  static final Conversation MODBUS = new Conversation("CHhAvVGS1DHFjwGM9", Transport.TCP,
      Endpoint.of("127.0.0.1", 47785), Endpoint.of("127.0.0.1", 502), "default", "test");

  private static String write(String path, long micros, Conversation c, Map<String, Object> row) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ZeekJsonWriter w = new ZeekJsonWriter(bytes);
    w.row(path, micros, c, row);
    w.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static String value(Object v) throws IOException {
    String line = write("p", 0, null, row("v", v));
    String prefix = "{\"_path\":\"p\",\"ts\":0.000000,\"v\":";
    assertEquals(prefix, line.substring(0, prefix.length()), line);
    assertEquals("}\n", line.substring(line.length() - 2), line);
    return line.substring(prefix.length(), line.length() - 2);
  }

  @Test
  void pathThenTsThenUidAndFlatIdThenColumnsInOrder() throws IOException {
    String line = write("modbus_detailed", 1_342_774_499_588_269L, MODBUS,
        row("tid", 1L, "unit", 4, "func", "READ_COILS", "request_values", null, "response_values", List.of(1L, 0L),
            "matched", true, "exception_code", null));
    assertEquals("{\"_path\":\"modbus_detailed\",\"ts\":1342774499.588269,\"uid\":\"CHhAvVGS1DHFjwGM9\","
        + "\"id.orig_h\":\"127.0.0.1\",\"id.orig_p\":47785,\"id.resp_h\":\"127.0.0.1\",\"id.resp_p\":502,"
        + "\"tid\":1,\"unit\":4,\"func\":\"READ_COILS\",\"response_values\":[1,0],\"matched\":true}\n", line);
  }

  @Test
  void rowsWithoutAConversationHaveNoUidOrId() throws IOException {
    assertEquals("{\"_path\":\"weird\",\"ts\":12.000001,\"name\":\"pcap_truncated\",\"notice\":false}\n",
        write("weird", 12_000_001L, null, row("name", "pcap_truncated", "notice", false)));
  }

  @Test
  void timestampsHaveSixDecimals() throws IOException {
    assertEquals("{\"_path\":\"p\",\"ts\":0.000000}\n", write("p", 0, null, Map.of()));
    assertEquals("{\"_path\":\"p\",\"ts\":1.050000}\n", write("p", 1_050_000L, null, Map.of()));
    assertEquals("{\"_path\":\"p\",\"ts\":-0.000001}\n", write("p", -1L, null, Map.of()));
    assertEquals("{\"_path\":\"p\",\"ts\":-1.500000}\n", write("p", -1_500_000L, null, Map.of()));
    assertEquals("{\"_path\":\"p\",\"ts\":9223372036854.775807}\n", write("p", Long.MAX_VALUE, null, Map.of()));
  }

  @Test
  void numbers() throws IOException {
    assertEquals("0", value(0));
    assertEquals("-7", value(-7L));
    assertEquals("65535", value(65_535));
    assertEquals("9223372036854775807", value(Long.MAX_VALUE));
    assertEquals("-9223372036854775808", value(Long.MIN_VALUE));
    assertEquals("0.5", value(0.5));
    assertEquals("-2.25", value(-2.25f));
    assertEquals("[]", value(List.of()));
    assertEquals("[\"a\",2,false]", value(List.of("a", 2, false)));
    assertEquals("false", value(Boolean.FALSE));
  }

  @Test
  void unsetAndNonFiniteValuesAreLeftOut() throws IOException {
    assertEquals("{\"_path\":\"p\",\"ts\":0.000000,\"b\":1}\n",
        write("p", 0, null, row("a", null, "b", 1, "c", Double.NaN, "d", Double.POSITIVE_INFINITY)));
  }

  @Test
  void escapesQuotesBackslashAndControlCharacters() throws IOException {
    assertEquals("\"a\\\"b\\\\c\"", value("a\"b\\c"));
    assertEquals("\"\\n\\r\\t\\b\\f\"", value("\n\r\t\b\f"));
    assertEquals("\"\\u0000\\u0001\\u001f\\u007f\"", value("\u0000\u0001\u001f\u007f"));
    assertEquals("\"/ <script>\"", value("/ <script>"));
    // JSON allows them raw, JavaScript does not: a line-per-record reader must never see them raw.
    assertEquals("\"\\u2028\\u2029\"", value("\u2028\u2029"));
  }

  @Test
  void nonAsciiIsWrittenAsUtf8() throws IOException {
    assertEquals("\"é中😀\"", value("é中😀"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ZeekJsonWriter w = new ZeekJsonWriter(bytes);
    w.row("p", 0, null, row("v", "é😀"));
    w.flush();
    byte[] all = bytes.toByteArray();
    byte[] quoted = Arrays.copyOfRange(all, all.length - 2 - 8, all.length - 2);
    assertArrayEquals(new byte[] {'"', (byte) 0xc3, (byte) 0xa9, (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80, '"'},
        quoted);
  }

  @Test
  void loneSurrogatesBecomeTheReplacementCharacterNeverInvalidUtf8() throws IOException {
    assertEquals("\"a\uFFFDb\"", value("a\uD800b"));
    assertEquals("\"\uFFFD\"", value("\uDC00"));
    assertEquals("\"x\uFFFD\"", value("x\uD83D"));
    assertEquals("\"\uFFFD\uFFFD\"", value("\uDE00\uD83D"));
  }

  @Test
  void columnNamesAreEscapedToo() throws IOException {
    assertEquals("{\"_path\":\"p\",\"ts\":0.000000,\"a\\\"b\":1}\n", write("p", 0, null, row("a\"b", 1)));
  }

  @Test
  void otherValueTypesAreWrittenAsTheirText() throws IOException {
    assertEquals("\"MONDAY\"", value(java.time.DayOfWeek.MONDAY));
    assertEquals("[1,2]", value(new java.util.TreeSet<>(List.of(2, 1))));
    assertEquals("\"x\"", value('x'));
  }

  @Test
  void aRowLargerThanTheBufferIsWrittenWhole() throws IOException {
    String big = "é".repeat(200_000);
    assertEquals("\"" + big + "\"", value(big));
  }

  @Test
  void manyRowsAreAllWrittenInOrder() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ZeekJsonWriter w = new ZeekJsonWriter(bytes);
    for (long i = 0; i < 20_000; i++) {
      w.row("p", i, MODBUS, row("n", i));
    }
    w.flush();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(20_000, lines.length);
    assertEquals(true, lines[19_999].endsWith(",\"n\":19999}"), lines[19_999]);
  }
}
