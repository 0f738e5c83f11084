package io.isthmus.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.isthmus.api.asset.Asset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The identity discovery finds in real captures (vendor, model, firmware, serial, device instance,
 * client ids) compared with what tshark shows for the same packets (resources {@code tshark-*};
 * the commands that made them are in the resources' README).
 */
class IdentityAgainstTsharkTest {

  /** Columns: file, ip, then List Identity / Identity-object pairs of vendor, device type, product code, revision, serial, name. */
  @Test
  void cipIdentityMatchesTshark() {
    Map<Long, String> names = tsharkNames("tshark-cip-names.txt", "Vendor ID");
    List<String[]> rows = Captures.tsv("tshark-cip-identity.tsv");
    assertEquals(3, rows.size());
    for (String[] r : rows) {
      Asset a = Captures.discover(OuiRegistry.EMPTY, r[0]).get(r[1]);
      assertNotNull(a, r[0] + ": no device " + r[1]);
      long vendorId = Long.decode(either(r[2], r[3]));
      long deviceType = Long.decode(either(r[4], r[5]));
      // tshark shows List Identity's revision as one number, major in the high byte ("Revision: 4.03" for 1027).
      String revision = r[8].isEmpty() ? r[9] + "." + r[10] : (Integer.parseInt(r[8]) >> 8) + "." + (Integer.parseInt(r[8]) & 0xff);
      String where = r[0] + " " + r[1];
      assertEquals(either(r[13], r[14]), a.model(), where);
      assertEquals(revision, a.firmware(), where);
      assertEquals(either(r[11], r[12]), a.attributes().get("serial"), where);
      assertEquals(either(r[6], r[7]), a.attributes().get("product_code"), where);
      assertEquals(Long.toString(vendorId), a.attributes().get("cip_vendor_id"), where);
      assertEquals(names.get(vendorId), a.vendor(), where);
      assertEquals(deviceType == 14 ? "plc" : deviceType == 12 ? "communications-adapter" : "unknown", a.type(), where);
      assertEquals(Set.of("enip-adapter"), a.roles(), where);
    }
  }

  /** I-Am (device instance, vendor) and the Device object's model, firmware and application software of 30 devices. */
  @Test
  void bacnetDevicesMatchTshark() {
    Map<String, Asset> assets = Captures.discover(OuiRegistry.EMPTY, "bacnet_example.pcap");
    Map<String, Map<String, String>> expected = new TreeMap<>();
    for (String[] r : Captures.tsv("bacnet_example.tshark-devices.tsv")) {
      Map<String, String> device = expected.computeIfAbsent(r[1], ip -> new HashMap<>());
      device.put("bacnet_device_instance", r[2]);
      if (r[0].equals("i-am")) {
        device.put("bacnet_vendor_id", r[3]);
        device.put("vendor", r[4]);
      } else {
        device.put(r[3], r[4]);
      }
    }
    assertEquals(30, expected.size());
    for (Map.Entry<String, Map<String, String>> e : expected.entrySet()) {
      Asset a = assets.get(e.getKey());
      assertNotNull(a, "no device " + e.getKey());
      Map<String, String> want = e.getValue();
      assertEquals(want.get("bacnet_device_instance"), a.attributes().get("bacnet_device_instance"), e.getKey());
      assertEquals(want.get("bacnet_vendor_id"), a.attributes().get("bacnet_vendor_id"), e.getKey());
      // Vendor names come from the decoder's table (ICSNPP's copy of ASHRAE's vendor ids), tshark's from its own
      // copy: the same names, punctuated differently at times ("Solutions, Inc." and "Solutions Inc.").
      assertEquals(letters(want.get("vendor")), letters(a.vendor()), e.getKey());
      assertEquals(want.get("model-name"), a.model(), e.getKey());
      assertEquals(want.get("firmware-revision"), a.firmware(), e.getKey());
      assertEquals(want.get("application-software-version"), a.attributes().get("application_software_version"), e.getKey());
      assertEquals(Set.of("bacnet"), a.protocols());
      assertEquals(Set.of("bacnet-server"), a.roles(), e.getKey());
    }
    // Nobody else states an identity: the client that reads the properties has none.
    Set<String> withIdentity = assets.values().stream().filter(a -> a.model() != null || a.vendor() != null)
        .map(Asset::id).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected.keySet(), withIdentity);
    Asset client = assets.get("172.20.32.200");
    assertNotNull(client);
    assertEquals(Set.of("bacnet-client"), client.roles());
    assertFalse(client.peers().contains("172.20.32.255"), "a broadcast address is no peer");
    assertFalse(assets.containsKey("172.20.32.255"), "a broadcast address is no device");
  }

  /** Read Device Identification's basic objects: VendorName, ProductCode, MajorMinorRevision. */
  @Test
  void modbusDeviceIdentificationMatchesTshark() {
    List<String[]> rows = Captures.tsv("tshark-modbus-device-id.tsv");
    assertEquals(1, rows.size());
    String[] r = rows.get(0);
    assertEquals("502", r[1], "the row is the server's response");
    List<String> ids = List.of(r[2].split("\\|"));
    List<String> values = List.of(r[3].split("\\|"));
    Asset a = Captures.discover(OuiRegistry.EMPTY, "modbus_example.pcap").get(r[0]);
    assertNotNull(a);
    assertEquals(values.get(ids.indexOf("0")), a.vendor());
    assertEquals(values.get(ids.indexOf("1")), a.attributes().get("product_code"));
    assertEquals(values.get(ids.indexOf("1")), a.model(), "no ProductName or ModelName: the product code names the model");
    assertEquals(values.get(ids.indexOf("2")), a.firmware());
    assertEquals("modbus", a.attributes().get("vendor_source"));
  }

  @Test
  void mqttClientIdsMatchTshark() {
    Map<String, Set<String>> expected = new TreeMap<>();
    for (String[] r : Captures.tsv("tshark-mqtt-client-ids.tsv")) {
      expected.computeIfAbsent(r[0], ip -> new TreeSet<>()).add(r[1]);
    }
    assertEquals(1, expected.size());
    Map<String, Asset> assets = Captures.discover(OuiRegistry.EMPTY, "zeek_mqtt.pcap");
    expected.forEach((ip, ids) -> {
      Asset a = assets.get(ip);
      assertNotNull(a, ip);
      assertEquals(ids, new TreeSet<>(List.of(a.attributes().get("mqtt_client_id").split(","))));
    });
  }

  private static String letters(String name) {
    return name == null ? null : name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static String either(String a, String b) {
    return a.isEmpty() ? b : a;
  }

  /** "Vendor ID: Rockwell Automation/Allen-Bradley (0x0001)" lines: id to the name tshark shows. */
  private static Map<Long, String> tsharkNames(String resource, String label) {
    Pattern line = Pattern.compile(Pattern.quote(label) + ": (.*) \\((0x[0-9a-f]+|[0-9]+)\\)");
    Map<Long, String> names = new HashMap<>();
    for (String l : Captures.lines(resource)) {
      Matcher m = line.matcher(l);
      if (m.matches()) {
        names.put(Long.decode(m.group(2)), m.group(1));
      }
    }
    return names;
  }
}
