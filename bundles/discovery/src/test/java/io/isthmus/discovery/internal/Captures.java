package io.isthmus.discovery.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.protocol.bacnet.internal.BacnetConfig;
import io.isthmus.protocol.bacnet.internal.BacnetDecoder;
import io.isthmus.protocol.dnp3.internal.Dnp3Config;
import io.isthmus.protocol.dnp3.internal.Dnp3TcpDecoder;
import io.isthmus.protocol.dnp3.internal.Dnp3UdpDecoder;
import io.isthmus.protocol.enip.internal.EnipConfig;
import io.isthmus.protocol.enip.internal.EnipTcpDecoder;
import io.isthmus.protocol.enip.internal.EnipUdpDecoder;
import io.isthmus.protocol.modbus.internal.ModbusConfig;
import io.isthmus.protocol.modbus.internal.ModbusDecoder;
import io.isthmus.protocol.mqtt.internal.MqttConfig;
import io.isthmus.protocol.mqtt.internal.MqttDecoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The test captures through the capture reader and every real decoder, and discovery over their events. */
final class Captures {
  /** Where Debian's ieee-data puts the registry; tests that need it are skipped without it. */
  static final Path IEEE_DATA = Path.of("/usr/share/ieee-data");

  private Captures() {}

  /** Every decoder with its default configuration, as the features deploy them. */
  static ProtocolDecoder[] decoders() {
    return new ProtocolDecoder[] {
        new ModbusDecoder(defaults(ModbusConfig.class)),
        new BacnetDecoder(defaults(BacnetConfig.class)),
        new Dnp3TcpDecoder(defaults(Dnp3Config.class)),
        new Dnp3UdpDecoder(defaults(Dnp3Config.class)),
        new EnipTcpDecoder(defaults(EnipConfig.class)),
        new EnipUdpDecoder(defaults(EnipConfig.class)),
        new MqttDecoder(defaults(MqttConfig.class))};
  }

  /** A configuration annotation whose every attribute has its declared default, as DS passes it without a configuration. */
  static <T extends Annotation> T defaults(Class<T> type) {
    return config(type, Map.of());
  }

  /** A configuration annotation with these attribute values, the declared defaults for the others. */
  static <T extends Annotation> T config(Class<T> type, Map<String, Object> values) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("annotationType")) {
        return type;
      }
      return values.getOrDefault(method.getName(), method.getDefaultValue());
    }));
  }

  static List<TelemetryEvent> events(String capture) {
    try (InputStream in = resource(capture)) {
      return OfflineReplay.run(in, capture, decoders()).events();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The devices the captures show, by IP address, as discovery would store them. */
  static Map<String, Asset> discover(OuiRegistry oui, String... captures) {
    DeviceTable table = new DeviceTable(10_000, 256);
    EventFacts facts = new EventFacts(table);
    for (String capture : captures) {
      events(capture).forEach(facts::observe);
    }
    Assets assets = new Assets(oui, table.sharedMacs(), table::isSilent);
    Map<String, Asset> byIp = new TreeMap<>();
    table.senders().forEach(s -> byIp.put(s.ip(), assets.of(s)));
    return byIp;
  }

  static OuiRegistry ieeeRegistryOrEmpty() {
    try {
      return Files.isReadable(IEEE_DATA.resolve(OuiRegistry.MA_L_FILE)) ? OuiRegistry.load(IEEE_DATA) : OuiRegistry.EMPTY;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tab-separated lines of a test resource, each split into its columns (empty ones kept). */
  static List<String[]> tsv(String name) {
    List<String[]> rows = new ArrayList<>();
    for (String line : lines(name)) {
      if (!line.isEmpty()) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  static List<String> lines(String name) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream resource(String name) {
    InputStream in = Captures.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IllegalStateException("no test resource " + name);
    }
    return in;
  }
}
