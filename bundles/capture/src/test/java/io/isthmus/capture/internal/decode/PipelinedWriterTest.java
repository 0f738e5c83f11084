package io.isthmus.capture.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.isthmus.api.decode.Conversation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second writing thread gives the same bytes as writing in place, and its failures reach the caller. */
class PipelinedWriterTest {
  private static final int ROWS = 3 * RowBatch.ROWS + 17;

  /** Rows over several batches, each a map of its own (a decoder gives a row away when it logs it). */
  private static void writeRows(RowWriter w) throws IOException {
    for (int i = 0; i < ROWS; i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("tid", i);
      row.put("func", i % 2 == 0 ? "READ_COILS" : "WRITE_SINGLE_REGISTER");
      if (i % 3 == 0) {
        row.put("values", List.of(i, i + 1));
      }
      w.row(i % 5 == 0 ? "weird" : "modbus", 1_000_000L * i, i % 7 == 0 ? null : ZeekJsonWriterTest.MODBUS, row);
    }
    w.flush();
  }

  @Test
  void writesWhatTheWriterItWrapsWrites() throws IOException {
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    writeRows(new ZeekJsonWriter(direct));
    ByteArrayOutputStream piped = new ByteArrayOutputStream();
    try (PipelinedWriter w = new PipelinedWriter(new ZeekJsonWriter(piped))) {
      writeRows(w);
    }
    String expected = direct.toString(StandardCharsets.UTF_8);
    assertEquals(ROWS, expected.lines().count());
    assertEquals(expected, piped.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFailedWriteIsThrownToTheCaller() {
    IOException broken = new IOException("Broken pipe");
    OutputStream failing = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw broken;
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw broken;
      }
    };
    try (PipelinedWriter w = new PipelinedWriter(new ZeekJsonWriter(failing))) {
      IOException thrown = assertThrows(IOException.class, () -> writeRows(w));
      assertSame(broken, thrown);
    }
  }

  @Test
  void aRowLargerThanABatchIsWrittenWhole() throws IOException {
    Map<String, Object> wide = new LinkedHashMap<>();
    for (int i = 0; i < 20 * RowBatch.ROWS; i++) {
      wide.put("c" + i, i);
    }
    ByteArrayOutputStream direct = new ByteArrayOutputStream();
    ZeekJsonWriter plain = new ZeekJsonWriter(direct);
    plain.row("wide", 0, (Conversation) null, wide);
    plain.flush();
    ByteArrayOutputStream piped = new ByteArrayOutputStream();
    try (PipelinedWriter w = new PipelinedWriter(new ZeekJsonWriter(piped))) {
      w.row("small", 0, null, Map.of("a", 1));
      w.row("wide", 0, null, wide);
      w.flush();
    }
    assertEquals(direct.toString(StandardCharsets.UTF_8), piped.toString(StandardCharsets.UTF_8).lines().skip(1)
        .findFirst().orElseThrow() + "\n");
  }
}
