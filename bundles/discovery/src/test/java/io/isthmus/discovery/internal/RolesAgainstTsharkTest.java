package io.isthmus.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.isthmus.api.asset.Asset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Devices, roles, peers and MACs from real captures against who sent what to whom in tshark's view
 * ({@code *.tshark-senders.tsv}): Modbus by the server port, DNP3 by the link layer's direction bit,
 * MQTT by the broker port and the message types.
 */
class RolesAgainstTsharkTest {

  /** Columns: ip.src, ip.dst, tcp.srcport, eth.src. */
  @Test
  void modbusClientsAndServerAsTsharkShows() {
    Map<String, Set<String>> roles = new TreeMap<>();
    Map<String, Set<String>> peers = new TreeMap<>();
    Map<String, String> macs = new TreeMap<>();
    for (String[] r : Captures.tsv("modbus_test.tshark-senders.tsv")) {
      boolean fromServer = r[2].equals("502");
      add(roles, r[0], fromServer ? "modbus-server" : "modbus-client");
      add(roles, r[1], fromServer ? "modbus-client" : "modbus-server");
      add(peers, r[0], r[1]);
      add(peers, r[1], r[0]);
      macs.put(r[0], r[3]);
    }
    Map<String, Asset> assets = Captures.discover(OuiRegistry.EMPTY, "modbus_test.pcap");
    assertEquals(roles.keySet(), assets.keySet());
    roles.forEach((ip, want) -> {
      Asset a = assets.get(ip);
      assertEquals(want, a.roles(), ip);
      assertEquals(peers.get(ip), a.peers(), ip);
      assertEquals(macs.get(ip), a.mac(), ip);
      assertEquals(Set.of("modbus"), a.protocols(), ip);
      assertEquals(Asset.UNKNOWN_TYPE, a.type(), "Modbus traffic alone does not say what a device is");
    });
  }

  /** The MAC vendors of the same devices, from the IEEE registry (skipped without Debian's ieee-data). */
  @Test
  void macVendorsFromTheIeeeRegistry() throws Exception {
    assumeTrue(java.nio.file.Files.isReadable(Captures.IEEE_DATA.resolve(OuiRegistry.MA_L_FILE)), "no ieee-data");
    Map<String, String> registry = OuiRegistryTest.maL();
    Map<String, Asset> assets = Captures.discover(Captures.ieeeRegistryOrEmpty(), "modbus_test.pcap");
    int named = 0;
    for (String[] r : Captures.tsv("modbus_test.tshark-senders.tsv")) {
      String want = registry.get(r[3].replace(":", "").substring(0, 6).toUpperCase(java.util.Locale.ROOT));
      Asset a = assets.get(r[0]);
      assertEquals(want, a.attributes().get("mac_vendor"), r[0] + " " + r[3]);
      if (want != null) {
        named++;
        assertEquals(want, a.vendor(), "no protocol names the vendor: the MAC's stands in");
        assertEquals("mac", a.attributes().get("vendor_source"));
      }
    }
    assertEquals(10, named, "every sender's MAC is in the registry");
  }

  /** Columns: ip.src, ip.dst, dnp3.ctl.dir (1: from the master), dnp3.src. */
  @Test
  void dnp3MasterAndOutstationAsTsharkShows() {
    Map<String, Set<String>> roles = new TreeMap<>();
    Map<String, String> addresses = new TreeMap<>();
    for (String[] r : Captures.tsv("dnp3_example.tshark-senders.tsv")) {
      boolean fromMaster = r[2].equals("1");
      add(roles, r[0], fromMaster ? "dnp3-master" : "dnp3-outstation");
      add(roles, r[1], fromMaster ? "dnp3-outstation" : "dnp3-master");
      addresses.put(r[0], r[3]);
    }
    Map<String, Asset> assets = Captures.discover(OuiRegistry.EMPTY, "dnp3_example.pcap");
    assertEquals(roles.keySet(), assets.keySet());
    roles.forEach((ip, want) -> {
      assertEquals(want, assets.get(ip).roles(), ip);
      assertEquals(addresses.get(ip), assets.get(ip).attributes().get("dnp3_address"), ip);
    });
  }

  /** Columns: ip.src, ip.dst, tcp.srcport, mqtt.msgtype (1 CONNECT, 3 PUBLISH, 8 SUBSCRIBE, ...). */
  @Test
  void mqttBrokerPublisherAndSubscriberAsTsharkShows() {
    Map<String, Set<String>> roles = new TreeMap<>();
    for (String[] r : Captures.tsv("zeek_mqtt.tshark-senders.tsv")) {
      boolean fromBroker = r[2].equals("1883");
      String client = fromBroker ? r[1] : r[0];
      add(roles, fromBroker ? r[0] : r[1], "mqtt-broker");
      add(roles, client, "mqtt-client");
      if (r[3].equals("3")) {
        add(roles, client, fromBroker ? "mqtt-subscriber" : "mqtt-publisher");
      } else if (r[3].equals("8")) {
        add(roles, client, "mqtt-subscriber");
      }
    }
    Map<String, Asset> assets = Captures.discover(OuiRegistry.EMPTY, "zeek_mqtt.pcap");
    assertEquals(roles.keySet(), assets.keySet());
    roles.forEach((ip, want) -> assertEquals(want, assets.get(ip).roles(), ip));
    assertEquals("broker", assets.get("198.41.30.241").type(), "the MQTT server is a broker by definition");
  }

  private static void add(Map<String, Set<String>> map, String key, String value) {
    map.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
  }
}
