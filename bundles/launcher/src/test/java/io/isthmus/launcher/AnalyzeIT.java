package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isthmus analyze} run as a user runs it, with the counting model, which flags an operation
 * a device had not done in its first ten or more events: learning on the Modbus demo capture, then
 * analysing a real EtherNet/IP software download.
 */
class AnalyzeIT {
  private static final Path BASELINE = DecodeIT.DEMO;
  private static final Pattern LEARNED = Pattern.compile(
      "learned from 1 baseline file \\(48 events; (\\d+) findings while learning, not reported\\)");
  private static final Pattern ISO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");

  static DecodeIT.Run analyze(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("analyze"));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(LauncherProcess.command(cmd.toArray(String[]::new)))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("analyze did not end within 180 s");
    }
    return new DecodeIT.Run(p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(AnalyzeIT.class.getResource("/" + name), name).toURI());
  }

  @Test
  void findingsOfTheInputAreJsonLinesSortedByTimeAndNoneOfTheBaselineIsPrinted(@TempDir Path dir) throws Exception {
    Path input = resource("openics_EIP-SoftwareDownload.pcap");
    DecodeIT.Run r = analyze(dir, "--baseline", BASELINE.toString(), "--input", input.toString(), "--model", "counting");

    assertEquals(0, r.code(), r.err().toString());
    assertEquals(1, r.err().size(), r.err().toString());
    Matcher learned = LEARNED.matcher(r.err().get(0));
    assertTrue(learned.find(), r.err().get(0));
    assertTrue(Integer.parseInt(learned.group(1)) > 0, "the baseline alone makes the counting model report: " + r.err());
    assertFalse(r.out().isEmpty(), "the software download has operations the model flags");
    assertTrue(r.err().get(0).contains(", " + r.out().size() + " findings"), r.err().get(0));

    long previous = Long.MIN_VALUE;
    for (String line : r.out()) {
      JsonObject f = DecodeIT.parse(line);
      assertEquals(input.getFileName().toString(), f.getString("sensor"), "every finding is about the input: " + line);
      assertTrue(ISO.matcher(f.getString("time")).matches(), line);
      assertTrue(f.getString("time").startsWith("2008-10-23T"), "the capture's own time: " + line);
      long ts = f.getJsonNumber("ts").bigDecimalValue().movePointRight(6).longValueExact();
      assertTrue(ts >= previous, "sorted by time: " + line);
      previous = ts;
      for (String end : List.of("device", "source", "destination")) {
        assertFalse(f.getJsonObject(end).getString("ip").isEmpty(), line);
        assertEquals(JsonValue.ValueType.NUMBER, f.getJsonObject(end).get("port").getValueType(), line);
      }
      assertEquals("enip", f.getString("protocol"), line);
      assertEquals("counting", f.getString("model"), line);
      assertFalse(f.getString("model_version").isEmpty(), line);
      double score = f.getJsonNumber("score").doubleValue();
      assertTrue(score >= 0 && score <= 1, line);
      String indicator = f.getJsonArray("indicators").getString(0);
      assertEquals("operation_not_seen_before:" + f.getString("operation"), indicator, line);
      assertEquals("T0855", f.getJsonArray("techniques").getJsonObject(0).getString("id"), line);
      assertTrue(f.getString("explanation").contains(f.getString("operation")), line);
    }
  }

  @Test
  void theProtocolSemanticsModelReportsTheProgramDownloadWithItsTechnique(@TempDir Path dir) throws Exception {
    DecodeIT.Run r = analyze(dir, "--input", resource("openics_EIP-SoftwareDownload.pcap").toString(),
        "--model", "protocol-semantics");

    assertEquals(0, r.code(), r.err().toString());
    List<JsonObject> downloads = r.out().stream().map(DecodeIT::parse)
        .filter(f -> f.getJsonArray("techniques").getValuesAs(JsonObject.class).stream()
            .anyMatch(t -> t.getString("id").equals("T0843")))
        .toList();
    assertFalse(downloads.isEmpty(), "a Program Download (T0843) finding: " + r.out());
    for (JsonObject f : downloads) {
      assertEquals("protocol-semantics", f.getString("model"));
      assertEquals("192.168.10.120", f.getJsonObject("device").getString("ip"), "the controller written to");
      assertTrue(f.getString("explanation").length() > 80, "an explanation an analyst can act on: " + f);
    }
  }

  @Test
  void whatTheBaselineTaughtIsNotReportedAgain(@TempDir Path dir) throws Exception {
    // The counting model only: protocol semantics reports some operations however often it has seen them.
    DecodeIT.Run r = analyze(dir, "--baseline", BASELINE.toString(), "--input", BASELINE.toString(), "--format", "table",
        "--model", "counting");

    assertEquals(0, r.code(), r.err().toString());
    assertEquals(List.of(String.join("  ", "TIME", "DEVICE", "SOURCE -> DESTINATION", "PROTOCOL", "MODEL", "SCORE",
        "TECHNIQUES", "INDICATORS", "EXPLANATION")), r.out());
    assertTrue(LEARNED.matcher(r.err().get(0)).find(), r.err().toString());
    assertTrue(r.err().get(0).contains("analyzed 1 file: 48 events, 0 findings"), r.err().toString());
  }

  @Test
  void aFileThatIsNotACaptureIsOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a capture\n");
    DecodeIT.Run r = analyze(dir, "--baseline", text.toString(), "--input", BASELINE.toString());

    assertEquals(1, r.code(), r.err().toString());
    assertEquals(List.of("isthmus: " + text + " is not a pcap or pcapng capture (it starts with 0x6e6f7420)"), r.err());
    assertEquals(List.of(), r.out());

    r = analyze(dir, "--input", dir.resolve("missing.pcap").toString(), "--quiet");
    assertEquals(1, r.code(), r.err().toString());
    assertEquals(List.of("isthmus: cannot read " + dir.resolve("missing.pcap") + ": no such file"), r.err());
  }

  @Test
  void usageErrorsAreExitCodeTwo(@TempDir Path dir) throws Exception {
    assertEquals(2, analyze(dir, BASELINE.toString()).code());
    DecodeIT.Run r = analyze(dir, "--input", BASELINE.toString(), "--format", "xml");
    assertEquals(2, r.code());
    assertEquals(List.of("isthmus: unknown format 'xml' (known: jsonl, table)"), r.err());
    r = analyze(dir, "--input", BASELINE.toString(), "--model", "nosuch");
    assertEquals(2, r.code());
    assertTrue(r.err().get(0).startsWith("isthmus: unknown model 'nosuch' (running: "), r.err().toString());
    assertTrue(r.err().get(0).contains("counting"), r.err().toString());
  }
}
