package io.isthmus.capture.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.capture.internal.LoggedRow;
import io.isthmus.capture.internal.OfflineReplay;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole decode runs over a real capture (ICSNPP's modbus_example.pcap), checked against what
 * {@link OfflineReplay} collects from the same file with the same decoder.
 */
class DecodeRunTest {
  static byte[] capture;
  @TempDir static Path dir;
  static Path good;

  record Outcome(int code, List<String> out, List<String> err) {}

  @BeforeAll
  static void capture() throws IOException {
    try (InputStream in = DecodeRunTest.class.getResourceAsStream("/modbus_example.pcap")) {
      capture = in.readAllBytes();
    }
    good = Files.write(dir.resolve("modbus_example.pcap"), capture);
  }

  static Outcome decode(OutputStream out, boolean quiet, List<String> protocols, String... files) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    DecodeRequest request = new DecodeRequest(List.of(files), DecodeRequest.ZEEK_JSON, protocols, out,
        new PrintStream(err, true, StandardCharsets.UTF_8), false, quiet);
    int code = new DecodeRun(request, List.of(new LoggingDecoder())).run();
    String text = out instanceof ByteArrayOutputStream b ? b.toString(StandardCharsets.UTF_8) : "";
    return new Outcome(code, text.isEmpty() ? List.of() : Arrays.asList(text.split("\n")),
        err.size() == 0 ? List.of() : Arrays.asList(err.toString(StandardCharsets.UTF_8).split("\n")));
  }

  static Outcome decode(String... files) {
    return decode(new ByteArrayOutputStream(), false, List.of(), files);
  }

  static String seconds(long micros) {
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  static String id(LoggedRow r) {
    var c = r.conversation();
    return String.format(Locale.ROOT, "\"uid\":\"%s\",\"id.orig_h\":\"%s\",\"id.orig_p\":%d,\"id.resp_h\":\"%s\",\"id.resp_p\":%d",
        c.uid(), c.client().ip(), c.client().port(), c.server().ip(), c.server().port());
  }

  @Test
  void everyLoggedRowWithItsConnectionAndEveryWeirdAsAWeirdRow() throws IOException {
    OfflineReplay.Result expected = OfflineReplay.run(new ByteArrayInputStream(capture), "modbus_example.pcap",
        new LoggingDecoder());
    Outcome o = decode(good.toString());
    assertEquals(0, o.code(), o.err().toString());
    List<String> rows = o.out().stream().filter(l -> l.startsWith("{\"_path\":\"test\"")).toList();
    List<String> weirds = o.out().stream().filter(l -> l.startsWith("{\"_path\":\"weird\"")).toList();
    assertEquals(o.out().size(), rows.size() + weirds.size());
    assertEquals(expected.logs().size(), rows.size());
    List<String> expectedWeirds = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      LoggedRow r = expected.logs().get(i);
      assertEquals("{\"_path\":\"test\",\"ts\":" + seconds(r.timeMicros()) + "," + id(r) + ",\"bytes\":" + r.row().get("bytes")
          + ",\"from_client\":" + r.row().get("from_client") + "}", rows.get(i));
      if (expectedWeirds.stream().noneMatch(w -> w.contains(r.conversation().uid()))) {
        expectedWeirds.add("{\"_path\":\"weird\",\"ts\":" + seconds(r.timeMicros()) + "," + id(r) + ",\"name\":\""
            + LoggingDecoder.WEIRD + "\",\"addl\":\"first \\\"bytes\\\"\\n of " + r.conversation().uid()
            + "\",\"notice\":false,\"peer\":\"isthmus\",\"source\":\"TEST\"}");
      }
    }
    assertEquals(expectedWeirds, weirds);
    assertEquals(expected.weirds().get(LoggingDecoder.WEIRD), (long) weirds.size());
    assertEquals(1, o.err().size(), o.err().toString());
    assertTrue(o.err().get(0).startsWith("isthmus: decoded 1 file: 100 packets, 0 events, " + rows.size() + " rows, "
        + weirds.size() + " weirds (" + LoggingDecoder.WEIRD + " " + weirds.size() + ")"), o.err().get(0));
  }

  @Test
  void weirdsOfTheCaptureLayerAboutAConversationCarryItsIdToo() throws IOException {
    ProtocolDecoder failing = new LoggingDecoder() {
      @Override
      public ConversationDecoder open(Conversation conversation) {
        return (fromClient, time, data, sink) -> {
          throw new IllegalStateException("broken on purpose");
        };
      }
    };
    OfflineReplay.Result expected = OfflineReplay.run(new ByteArrayInputStream(capture), "modbus_example.pcap", failing);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecodeRequest request = new DecodeRequest(List.of(good.toString()), DecodeRequest.ZEEK_JSON, List.of(), out,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, true);
    assertEquals(0, new DecodeRun(request, List.of(failing)).run());
    List<String> lines = Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
    assertEquals(expected.weirdDetails().size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String uid = expected.weirdDetails().get(i).split(" ")[1].replace(":", "");
      String line = lines.get(i);
      assertTrue(line.startsWith("{\"_path\":\"weird\""), line);
      assertTrue(line.contains(",\"uid\":\"" + uid + "\",\"id.orig_h\":\""), line);
      assertTrue(line.contains(",\"name\":\"decoder_failure\",\"addl\":\"test decoder threw java.lang.IllegalStateException"),
          line);
      assertTrue(line.endsWith(",\"notice\":false,\"peer\":\"isthmus\",\"source\":\"TEST\"}"), line);
    }
  }

  @Test
  void aTruncatedCaptureDecodesWhatItHoldsAndEndsWithAWeird() throws IOException {
    Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(capture, capture.length / 2));
    Outcome o = decode(cut.toString());
    assertEquals(0, o.code(), o.err().toString());
    assertTrue(o.out().stream().anyMatch(l -> l.startsWith("{\"_path\":\"test\"")), "rows before the cut");
    String last = o.out().get(o.out().size() - 1);
    assertTrue(last.startsWith("{\"_path\":\"weird\",\"ts\":"), last);
    assertTrue(last.contains(",\"name\":\"pcap_truncated\",\"addl\":\"cut.pcap: the file ends inside the record"), last);
    assertTrue(!last.contains("\"uid\""), last);
    assertTrue(o.err().get(0).contains("pcap_truncated 1"), o.err().toString());
  }

  @Test
  void filesThatAreNotCapturesFailWithOneLineEachAndTheOthersAreStillDecoded() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "hello, not a capture\n");
    Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);
    String missing = dir.resolve("missing.pcap").toString();
    Outcome o = decode(text.toString(), missing, empty.toString(), dir.toString(), good.toString());
    assertEquals(1, o.code());
    assertEquals(List.of(
        "isthmus: " + text + " is not a pcap or pcapng capture (it starts with 0x68656c6c)",
        "isthmus: " + missing + ": no such file",
        "isthmus: " + empty + " is not a capture: it is empty",
        "isthmus: " + dir + ": is a directory, not a capture file"), o.err().subList(0, 4));
    assertEquals(5, o.err().size(), o.err().toString());
    assertTrue(o.err().get(4).startsWith("isthmus: decoded 1 file: 100 packets"), o.err().get(4));
    assertTrue(o.out().stream().anyMatch(l -> l.startsWith("{\"_path\":\"test\"")));
  }

  @Test
  void aSingleFileThatIsNotACaptureIsOneLineAndNoSummary() throws IOException {
    Path text = Files.writeString(dir.resolve("only.txt"), "text");
    Outcome o = decode(text.toString());
    assertEquals(1, o.code());
    assertEquals(List.of("isthmus: " + text + " is not a pcap or pcapng capture (it starts with 0x74657874)"), o.err());
  }

  @Test
  void anUnknownProtocolIsAUsageErrorThatNamesTheKnownOnes() {
    Outcome o = decode(new ByteArrayOutputStream(), false, List.of("test", "bacnet"), good.toString());
    assertEquals(2, o.code());
    assertEquals(List.of("isthmus: unknown protocol 'bacnet' (known: test)"), o.err());
    assertEquals(List.of(), o.out());
  }

  @Test
  void onlyTheChosenDecoders() {
    assertTrue(decode(new ByteArrayOutputStream(), true, List.of("TEST"), good.toString()).out().size() > 10);
  }

  @Test
  void quietPrintsNothingOnStandardError() {
    Outcome o = decode(new ByteArrayOutputStream(), true, List.of(), good.toString());
    assertEquals(0, o.code());
    assertEquals(List.of(), o.err());
  }

  @Test
  void anOutputThatFailsStopsTheDecodeWithOneLine() {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        write(0);
      }
    };
    Outcome o = decode(full, false, List.of(), good.toString(), good.toString());
    assertEquals(1, o.code());
    assertEquals(List.of("isthmus: cannot write the output: No space left on device"), o.err());
  }
}
