package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.Zone;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading registry files: good rows become entries, each bad row is rejected with file, line and reason. */
class RegistryReadTest {

  private static RegistryRead read(RegistryFormat format, String resource) throws IOException {
    try (Reader in = new InputStreamReader(RegistryReadTest.class.getResourceAsStream("/registry/" + resource),
        StandardCharsets.UTF_8)) {
      return format.read(in, resource);
    }
  }

  private static Map<String, Asset> byId(RegistryRead read) {
    return read.entries().stream().map(RegistryRead.Entry::asset).collect(Collectors.toMap(Asset::id, Function.identity()));
  }

  @Test
  void csvBadRowsAreRejectedWithLineAndReasonAndTheRestIsRead() throws IOException {
    RegistryRead read = read(RegistryFormat.CSV, "plant-with-bad-rows.csv");

    assertEquals(List.of("plc-1", "hmi-1", "hist-1", "jump-1", "erp-1"),
        read.entries().stream().map(e -> e.asset().id()).toList());
    List<String> rejections = read.rejections();
    assertEquals(5, rejections.size(), rejections.toString());
    assertTrue(rejections.get(0).startsWith("plant-with-bad-rows.csv:4: criticality '7'"), rejections.get(0));
    assertEquals("plant-with-bad-rows.csv:5: no id", rejections.get(1));
    assertEquals("plant-with-bad-rows.csv:6: address '10.0.300.1' is not an IPv4 or IPv6 address", rejections.get(2));
    assertEquals("plant-with-bad-rows.csv:9: id 'plc-1' was already given on line 2", rejections.get(3));
    assertTrue(rejections.get(4).startsWith("plant-with-bad-rows.csv:10: zone 'level two' is not"), rejections.get(4));
    assertEquals(List.of("plant-with-bad-rows.csv: column 'room' is not a registry column and was ignored"), read.notes());

    Asset plc = byId(read).get("plc-1");
    assertEquals(Asset.builder("plc-1").address("10.0.0.5").address("10.0.1.5").mac("00:1b:1b:aa:bb:cc").type("plc")
        .criticality(5).zone(Zone.OT_CONTROL).site("Lyon").location("hall 2, cabinet 4").owner("OT team")
        .vendor("Siemens").model("S7-1500").firmware("2.9.4").build(), plc);
    assertEquals("OSIsoft, LLC", byId(read).get("hist-1").vendor());
  }

  @Test
  void purdueLevelsAndZoneNamesInFiles() throws IOException {
    Map<String, Asset> assets = byId(read(RegistryFormat.CSV, "plant-with-bad-rows.csv"));
    assertEquals(Zone.OT_SUPERVISORY, assets.get("hmi-1").zone(), "Level 2");
    assertEquals(Zone.OT_SUPERVISORY, assets.get("hist-1").zone(), "Purdue 3");
    assertEquals(Zone.DMZ, assets.get("jump-1").zone(), "3.5");
    assertEquals(Zone.IT, assets.get("erp-1").zone(), "L4");
  }

  @Test
  void yamlKeepsTextAsWrittenAndRejectsBadEntriesByLine() throws IOException {
    RegistryRead read = read(RegistryFormat.YAML, "plant.yaml");

    Map<String, Asset> assets = byId(read);
    assertEquals(Set.of("plc-1", "hmi-1", "dmz-1"), assets.keySet());
    assertEquals("2.10", assets.get("plc-1").firmware(), "a version is text, not the number 2.1");
    assertEquals(Set.of("10.0.0.5", "10.0.1.5"), assets.get("plc-1").addresses());
    assertEquals(Zone.OT_CONTROL, assets.get("plc-1").zone());
    assertEquals(Set.of("10.0.0.20"), assets.get("hmi-1").addresses());
    assertEquals(Zone.OT_SUPERVISORY, assets.get("hmi-1").zone());
    assertEquals(Zone.DMZ, assets.get("dmz-1").zone());
    assertEquals(null, assets.get("dmz-1").owner(), "~ is no value");
    assertEquals(List.of(3, 9, 17), read.entries().stream().map(RegistryRead.Entry::line).toList());

    List<String> rejections = read.rejections();
    assertEquals(4, rejections.size(), rejections.toString());
    assertTrue(rejections.get(0).startsWith("plant.yaml:13: criticality 'high'"), rejections.get(0));
    assertEquals("plant.yaml:16: an asset must be a mapping of column: value", rejections.get(1));
    assertTrue(rejections.get(2).startsWith("plant.yaml:21: zone 'Level 9' is not"), rejections.get(2));
    assertEquals("plant.yaml:26: addresses must be a list of IP addresses", rejections.get(3));
    assertEquals(List.of("plant.yaml: line 20: key 'rack' is not a registry column and was ignored"), read.notes());
  }

  @Test
  void invalidYamlIsOneClearRejection() throws IOException {
    RegistryRead read = RegistryFormat.YAML.read(new StringReader("assets:\n  - id: a\n    zone: [unclosed\n"), "x.yaml");
    assertEquals(List.of(), read.entries());
    assertEquals(1, read.rejections().size());
    assertTrue(read.rejections().get(0).matches("x\\.yaml:\\d+: not valid YAML \\(.+\\); nothing in the file was imported"),
        read.rejections().get(0));
  }

  @Test
  void csvWithoutIdColumnOrUnclosedQuoteSaysSo() throws IOException {
    RegistryRead noId = RegistryFormat.CSV.read(new StringReader("name,zone\nplc,OT control\n"), "a.csv");
    assertEquals(List.of("a.csv:1: the header has no id column (columns: " + String.join(", ", RegistryFields.COLUMNS) + ")"),
        noId.rejections());

    RegistryRead unclosed = RegistryFormat.CSV.read(new StringReader("id,site\np1,Lyon\np2,\"Lyon\np3,Paris\n"), "b.csv");
    assertEquals(List.of("p1"), unclosed.entries().stream().map(e -> e.asset().id()).toList());
    assertEquals(List.of("b.csv:3: a quoted cell is never closed; the rest of the file was read as that cell"),
        unclosed.rejections().stream().filter(r -> r.contains("quoted")).toList());
  }

  @Test
  void formatComesFromTheNameOrTheFileExtension() {
    assertEquals(RegistryFormat.YAML, RegistryFormat.of(null, "/srv/registry.YML"));
    assertEquals(RegistryFormat.CSV, RegistryFormat.of("CSV", "registry.yaml"));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RegistryFormat.of(null, "registry.txt"));
    assertTrue(e.getMessage().contains("registry.txt"), e.getMessage());
  }
}
