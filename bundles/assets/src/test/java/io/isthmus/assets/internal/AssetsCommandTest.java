package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.store.AssetStore;
import io.isthmus.api.store.StoredAsset;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 'isthmus assets' as the launcher calls it, on the real store. */
class AssetsCommandTest {

  @TempDir
  Path dir;

  /** Exit code, standard output and standard error of one call. */
  record Run(int exit, String out, String err) {}

  static Run run(AssetStore store, String action, Map<String, Object> extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, Object> request = new HashMap<>(extra);
    request.put("action", action);
    request.put("out", out);
    request.put("err", new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit = new AssetsCommand(store).apply(request);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path resource(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/registry/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void importReportsEachBadRowImportsTheRestAndScoresRisk() throws IOException {
    AssetStore store = TestStores.h2(dir.resolve("db"));
    Run run = run(store, "import", Map.of("file", resource("plant-with-bad-rows.csv").toString()));

    assertEquals(AssetsCommand.FAILED, run.exit(), "rejected rows make the exit code 1");
    assertEquals(5, run.err().lines().filter(l -> l.startsWith("isthmus: rejected plant-with-bad-rows.csv:")).count(), run.err());
    assertTrue(run.err().contains("isthmus: rejected plant-with-bad-rows.csv:6: address '10.0.300.1' is not an IPv4 or IPv6 address"));
    assertEquals("imported 5 asset(s) from plant-with-bad-rows.csv (5 new, 0 updated); 0 conflict(s) with discovered"
        + " values open; 5 row(s) rejected (listed above), the other rows were imported\n", run.out());
    assertEquals(List.of("erp-1", "hist-1", "hmi-1", "jump-1", "plc-1"), store.list().stream().map(s -> s.asset().id()).toList());
    Asset plc = store.findById("plc-1").orElseThrow().asset();
    assertEquals(30 + 0, plc.riskScore(), "criticality 5 and nothing else known: " + plc.riskReasons());
    assertEquals(List.of("30 points: criticality 5 of 5",
        "0 points: vulnerabilities not checked: no vulnerability catalog is running"), plc.riskReasons());
  }

  @Test
  void conflictsShowInListJsonAndExport() throws IOException {
    AssetStore store = TestStores.h2(dir.resolve("db"));
    Instant seen = Instant.parse("2026-06-01T12:00:00Z");
    store.upsert(Asset.builder("10.0.0.5").address("10.0.0.5").vendor("Siemens").model("S7-1200").firmware("2.8.0")
        .protocol("s7comm").build(), seen);
    assertEquals(AssetsCommand.FAILED, run(store, "import", Map.of("file", resource("plant-with-bad-rows.csv").toString())).exit());

    Run table = run(store, "list", Map.of());
    assertEquals(AssetsCommand.OK, table.exit());
    String plcLine = table.out().lines().filter(l -> l.startsWith("plc-1 ")).findFirst().orElseThrow();
    assertTrue(plcLine.contains("10.0.0.5 10.0.1.5") && plcLine.contains("s7comm")
        && plcLine.endsWith("model S7-1500 (registry) vs S7-1200 (seen); firmware 2.9.4 (registry) vs 2.8.0 (seen)"), plcLine);
    assertTrue(table.out().endsWith("5 asset(s), 2 conflict(s) between the registry and discovery\n"), table.out());

    Run json = run(store, "list", Map.of("format", "json"));
    JsonObject list = Json.createReader(new StringReader(json.out())).readObject();
    assertEquals(5, list.getInt("count"));
    JsonObject plc = list.getJsonArray("assets").getJsonObject(4);
    assertEquals("plc-1", plc.getString("id"));
    assertEquals(List.of("model:S7-1200", "firmware:2.8.0"), plc.getJsonArray("conflicts").stream()
        .map(c -> c.asJsonObject().getString("field") + ":" + c.asJsonObject().getString("discovered_value")).toList());
    assertEquals(seen.toString(), plc.getString("first_seen"));

    Run csv = run(store, "export", Map.of("format", "csv"));
    assertTrue(csv.out().contains("firmware: registry 2.9.4, seen 2.8.0 since "), csv.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "yaml"})
  void exportImportedIntoAnEmptyStoreGivesTheSameInventory(String format) throws IOException {
    AssetStore first = TestStores.h2(dir.resolve("first"));
    run(first, "import", Map.of("file", resource("plant-with-bad-rows.csv").toString()));
    first.upsert(Asset.builder("10.0.7.7").address("10.0.7.7").vendor("Wago").firmware("03.10.08").type("plc").build(),
        Instant.parse("2026-06-01T12:00:00Z"));
    Run exported = run(first, "export", Map.of("format", format));
    assertEquals(AssetsCommand.OK, exported.exit(), exported.err());
    Path file = dir.resolve("registry." + format);
    Files.writeString(file, exported.out());

    AssetStore second = TestStores.h2(dir.resolve("second"));
    Run imported = run(second, "import", Map.of("file", file.toString()));
    assertEquals(AssetsCommand.OK, imported.exit(), imported.err());
    assertEquals("", imported.err());
    assertEquals(exported.out(), run(second, "export", Map.of("format", format)).out());
    // The risk score is left out: the first store's discovered asset came after its import's recomputation.
    assertEquals(first.list().stream().map(AssetsCommandTest::withoutRisk).toList(),
        second.list().stream().map(AssetsCommandTest::withoutRisk).toList());
  }

  private static Asset withoutRisk(StoredAsset stored) {
    return stored.asset().toBuilder().risk(0, List.of()).build();
  }

  @Test
  void usageAndFileErrorsAreOneLine() {
    AssetStore store = TestStores.h2(dir.resolve("db"));
    Run noAction = run(store, "frobnicate", Map.of());
    assertEquals(AssetsCommand.USAGE, noAction.exit());
    assertEquals("isthmus: assets: say list, import or export\n", noAction.err());
    assertEquals(AssetsCommand.USAGE, run(store, "import", Map.of()).exit());
    assertEquals(AssetsCommand.USAGE, run(store, "list", Map.of("format", "xml")).exit());
    Run unknownExt = run(store, "import", Map.of("file", dir.resolve("registry.txt").toString()));
    assertEquals(AssetsCommand.USAGE, unknownExt.exit());
    Run missing = run(store, "import", Map.of("file", dir.resolve("none.csv").toString()));
    assertEquals(AssetsCommand.FAILED, missing.exit());
    assertEquals("isthmus: assets import: no such file " + dir.resolve("none.csv") + "\n", missing.err());
    assertFalse(missing.err().contains("Exception"));
  }

  @Test
  void notUtf8IsSaid() throws IOException {
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, "id,site\nplc-1,Usine \u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Run run = run(TestStores.h2(dir.resolve("db")), "import", Map.of("file", latin1.toString()));
    assertEquals(AssetsCommand.FAILED, run.exit());
    assertEquals("isthmus: assets import: latin1.csv is not UTF-8 text; save it as UTF-8 and import it again\n", run.err());
  }
}
