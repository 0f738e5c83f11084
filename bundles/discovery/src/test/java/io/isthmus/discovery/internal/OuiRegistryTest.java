package io.isthmus.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OuiRegistryTest {
  /** An MA-L record's first line: the organisation, quoted or not, never spans lines (addresses do). */
  private static final Pattern MA_L = Pattern.compile("^MA-L,([0-9A-F]{6}),(?:\"((?:[^\"]|\"\")*)\"|([^,]*)),");

  /** The MA-L rows of Debian's oui.csv, read line by line with a regular expression. */
  static Map<String, String> maL() throws IOException {
    Map<String, String> rows = new HashMap<>();
    for (String line : Files.readAllLines(Captures.IEEE_DATA.resolve("oui.csv"), StandardCharsets.UTF_8)) {
      Matcher m = MA_L.matcher(line);
      if (m.find()) {
        String name = m.group(2) != null ? m.group(2).replace("\"\"", "\"") : m.group(3);
        rows.put(m.group(1), name.trim());
      }
    }
    return rows;
  }

  @Test
  void debianRegistryLoadsEveryAssignment() throws IOException {
    assumeTrue(Files.isReadable(Captures.IEEE_DATA.resolve("oui.csv")), "Debian's ieee-data is not installed");
    OuiRegistry registry = OuiRegistry.load(Captures.IEEE_DATA);
    java.util.Set<String> assignments = new java.util.HashSet<>();
    for (String file : List.of("oui.csv", "mam.csv", "oui36.csv", "iab.csv")) {
      Path path = Captures.IEEE_DATA.resolve(file);
      if (Files.isReadable(path)) {
        // Every record starts a line with its registry name; continuation lines of addresses do not.
        Files.readAllLines(path, StandardCharsets.UTF_8).stream()
            .filter(l -> l.matches("^(MA-L|MA-M|MA-S|IAB),[0-9A-F]+,.*") && !l.matches("^[^,]+,[^,]+,Private,.*"))
            .forEach(l -> assignments.add(l.split(",")[1]));
      }
    }
    assertTrue(registry.size() > 40_000, registry.toString());
    assertEquals(assignments.size(), registry.size(), "every assignment that names its owner, once");
    Map<String, String> rows = maL();
    int checked = 0;
    for (Map.Entry<String, String> e : rows.entrySet()) {
      if (e.getValue().equals("IEEE Registration Authority")) {
        continue; // blocks the IEEE splits into MA-M and MA-S assignments: the longer prefix names the owner
      }
      if ((Integer.parseInt(e.getKey().substring(0, 2), 16) & 0x03) != 0) {
        continue; // legacy assignments with the group or local bit: such MACs name no interface's maker now
      }
      String p = e.getKey().toLowerCase(java.util.Locale.ROOT);
      String mac = p.substring(0, 2) + ":" + p.substring(2, 4) + ":" + p.substring(4, 6) + ":00:00:00";
      if (e.getValue().equals("Private")) {
        assertNull(registry.vendor(mac), "an owner that asked to stay private names no vendor");
        continue;
      }
      assertEquals(e.getValue(), registry.vendor(mac), mac);
      checked++;
    }
    assertTrue(checked > 30_000, checked + " MA-L rows");
  }

  @Test
  void longestPrefixWinsAndQuotedMultiLineNamesAreRead(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("oui.csv"), "Registry,Assignment,Organization Name,Organization Address\n"
        + "MA-L,0090E8,Moxa Technologies Corp.,\"Fl.4, No.135\nTaipei TW 231 \"\n"
        + "MA-L,001EFC,\"JSC \"\"MASSA-K\"\"\",\"15, A\"\n"
        + "MA-L,70B3D5,IEEE Registration Authority,445 Hoes Lane\n");
    Files.writeString(dir.resolve("oui36.csv"), "Registry,Assignment,Organization Name,Organization Address\n"
        + "MA-S,70B3D5F2F,TELEPLATFORMS,\"Polbina st., 3/1 Moscow RU\"\n");
    OuiRegistry registry = OuiRegistry.load(dir);
    assertEquals(4, registry.size());
    assertEquals("Moxa Technologies Corp.", registry.vendor("00:90:e8:4c:83:db"));
    assertEquals("JSC \"MASSA-K\"", registry.vendor("00-1E-FC-01-02-03"));
    assertEquals("TELEPLATFORMS", registry.vendor("70:b3:d5:f2:f0:01"));
    assertEquals("IEEE Registration Authority", registry.vendor("70:b3:d5:f3:00:01"));
    assertNull(registry.vendor("02:90:e8:4c:83:db"), "locally administered");
    assertNull(registry.vendor("01:90:e8:4c:83:db"), "group address");
    assertNull(registry.vendor("00:90:e8:4c:83"), "too short");
    assertNull(registry.vendor("00:90:e8:4c:83:zz"));
    assertNull(registry.vendor(null));
    assertNull(registry.vendor("00:00:01:00:00:00"), "not assigned in this file");
  }

  @Test
  void missingRegistryMeansNoMacVendors(@TempDir Path dir) {
    assertSame(OuiRegistry.EMPTY, DiscoveryObserver.loadOui(dir.resolve("absent")));
    assertNull(OuiRegistry.EMPTY.vendor("00:90:e8:4c:83:db"));
  }

  @Test
  void csvRecordsFollowRfc4180() {
    CsvRecords records = new CsvRecords("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,x\nlast");
    List<List<String>> all = new ArrayList<>();
    for (List<String> r = records.next(); r != null; r = records.next()) {
      all.add(r);
    }
    assertEquals(List.of(List.of("a", "b,c", "d\"e"), List.of("multi\nline", "", "x"), List.of("last")), all);
  }
}
