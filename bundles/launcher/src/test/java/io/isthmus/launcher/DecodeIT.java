package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code isthmus decode} run as a user runs it, on the demo capture of the distribution. */
class DecodeIT {
  static final Path DEMO = Paths.get("target", "isthmus", "demo", "captures", "modbus_example.pcap");
  private static final Pattern TS = Pattern.compile("^\\{\"_path\":\"[a-z0-9_]+\",\"ts\":\\d{10}\\.\\d{6}[,}]");
  private static final Pattern ISO = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z  .*");
  private static final List<String> ID = List.of("uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p");

  record Run(int code, List<String> out, List<String> err) {}

  static Run decode(Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("decode"));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(LauncherProcess.command(cmd.toArray(String[]::new)))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("decode did not end within 180 s");
    }
    return new Run(p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
  }

  static JsonObject parse(String line) {
    return Json.createReader(new StringReader(line)).readObject();
  }

  /** A JSON value as Zeek's TSV writer spells it, to compare with a TSV baseline. */
  static String tsv(JsonValue v) {
    return switch (v.getValueType()) {
      case STRING -> ((JsonString) v).getString().isEmpty() ? "(empty)" : ((JsonString) v).getString();
      case NUMBER -> ((JsonNumber) v).toString();
      case TRUE -> "T";
      case FALSE -> "F";
      case ARRAY -> ((JsonArray) v).isEmpty() ? "(empty)" : ((JsonArray) v).stream().map(DecodeIT::tsv)
          .collect(Collectors.joining(","));
      default -> throw new AssertionError("unexpected JSON value " + v);
    };
  }

  static List<Map<String, String>> baseline(String resource) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (InputStream in = DecodeIT.class.getResourceAsStream(resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> names = List.of();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#fields\t")) {
          names = Arrays.asList(line.substring(8).split("\t", -1));
        } else if (!line.startsWith("#") && !line.isEmpty()) {
          String[] values = line.split("\t", -1);
          Map<String, String> row = new LinkedHashMap<>();
          for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values[i]);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  @Test
  void demoCaptureAsZeekJsonLinesAgreesWithIcsnpp(@TempDir Path dir) throws Exception {
    Run r = decode(dir, DEMO.toString());
    assertEquals(0, r.code(), r.err().toString());
    assertEquals(1, r.err().size(), r.err().toString());
    assertTrue(r.err().get(0).startsWith("isthmus: decoded 1 file: 100 packets, 48 events, "), r.err().get(0));
    assertTrue(r.err().get(0).contains(" 0 weirds in "), r.err().get(0));

    Map<String, List<JsonObject>> byPath = new HashMap<>();
    for (String line : r.out()) {
      assertTrue(TS.matcher(line).find(), "_path first, then ts with six decimals: " + line);
      JsonObject row = parse(line);
      List<String> keys = new ArrayList<>(row.keySet());
      if (row.containsKey("uid")) {
        assertEquals(ID, keys.subList(2, 7), line);
        assertEquals(JsonValue.ValueType.NUMBER, row.get("id.orig_p").getValueType(), line);
      }
      assertFalse(row.values().contains(JsonValue.NULL), "unset columns are left out: " + line);
      byPath.computeIfAbsent(row.getString("_path"), p -> new ArrayList<>()).add(row);
    }

    // ICSNPP's modbus_detailed.log, row for row over every column but ts, uid and the link id (made up on both sides).
    List<Map<String, String>> zeek = baseline("/modbus_example.zeek/modbus_detailed.log");
    List<String> columns = new ArrayList<>(zeek.get(0).keySet());
    columns.removeAll(List.of("ts", "uid", "modbus_detailed_link_id"));
    Map<String, Integer> remaining = new HashMap<>();
    zeek.forEach(z -> remaining.merge(columns.stream().map(z::get).collect(Collectors.joining("\t")), 1, Integer::sum));
    List<String> onlyOurs = new ArrayList<>();
    for (JsonObject row : byPath.getOrDefault("modbus_detailed", List.of())) {
      String key = columns.stream().map(c -> row.containsKey(c) ? tsv(row.get(c)) : "-").collect(Collectors.joining("\t"));
      if (remaining.merge(key, -1, Integer::sum) < 0) {
        onlyOurs.add(key);
      }
    }
    List<String> onlyZeek = remaining.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    assertEquals(26, zeek.size());
    assertEquals(List.of(), onlyZeek, "ICSNPP rows we did not write");
    assertEquals(List.of(), onlyOurs, "rows ICSNPP did not write");
  }

  @Test
  void tableToAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("demo.txt");
    Run r = decode(dir, "--format", "table", "--output", file.toString(), "--protocol", "modbus", "--quiet",
        DEMO.toString());
    assertEquals(0, r.code(), r.err().toString());
    assertEquals(List.of(), r.out());
    assertEquals(List.of(), r.err());
    List<String> lines = Files.readAllLines(file);
    int heading = lines.indexOf("modbus_detailed");
    assertTrue(heading >= 0, String.join("\n", lines));
    assertTrue(lines.get(heading + 1).matches("time +client +server +tid +unit +func .*"), lines.get(heading + 1));
    assertTrue(ISO.matcher(lines.get(heading + 2)).matches(), lines.get(heading + 2));
    assertTrue(lines.stream().anyMatch(l -> l.contains("READ_COILS")), String.join("\n", lines));
  }

  @Test
  void aFileThatIsNotACaptureIsOneLineAndExitCode1(@TempDir Path dir) throws Exception {
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a capture\n");
    Run r = decode(dir, text.toString());
    assertEquals(1, r.code());
    assertEquals(List.of("isthmus: " + text + " is not a pcap or pcapng capture (it starts with 0x6e6f7420)"), r.err());
    assertEquals(List.of(), r.out());
  }

  @Test
  void aTruncatedCaptureGivesWeirdRowsAndExitCode0(@TempDir Path dir) throws Exception {
    byte[] whole = Files.readAllBytes(DEMO);
    Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length * 2 / 3));
    Run r = decode(dir, cut.toString());
    assertEquals(0, r.code(), r.err().toString());
    List<JsonObject> weirds = r.out().stream().map(DecodeIT::parse).filter(o -> o.getString("_path").equals("weird")).toList();
    assertFalse(weirds.isEmpty(), String.join("\n", r.out()));
    JsonObject truncated = weirds.stream().filter(w -> w.getString("name").equals("pcap_truncated")).findFirst()
        .orElseThrow(() -> new AssertionError(weirds.toString()));
    assertEquals(JsonValue.FALSE, truncated.get("notice"));
    assertTrue(truncated.getString("addl").startsWith("cut.pcap: the file ends inside the record"), truncated.toString());
    assertTrue(r.out().stream().anyMatch(l -> l.startsWith("{\"_path\":\"modbus_detailed\"")), "rows before the cut");
    assertTrue(r.err().get(r.err().size() - 1).contains("pcap_truncated 1"), r.err().toString());
  }

  @Test
  void anUnknownProtocolListsTheKnownOnesWithExitCode2(@TempDir Path dir) throws Exception {
    Run r = decode(dir, "--protocol", "nosuch", DEMO.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.err().size(), r.err().toString());
    assertTrue(r.err().get(0).matches("isthmus: unknown protocol 'nosuch' \\(known: .*modbus.*\\)"), r.err().get(0));
  }
}
