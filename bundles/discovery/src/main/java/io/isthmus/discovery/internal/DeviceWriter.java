package io.isthmus.discovery.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.json.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Writes the discovered devices: an aligned table for people, or a JSON array for tools. */
abstract class DeviceWriter {

  static DeviceWriter of(String format) {
    return DiscoverRequest.JSON.equals(format) ? new Json() : new Table();
  }

  final void write(List<DiscoverRun.DeviceView> devices, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    write(devices, w);
    w.flush();
  }

  abstract void write(List<DiscoverRun.DeviceView> devices, Writer out) throws IOException;

  /** Columns: address, MAC, vendor, model, firmware, type, protocols, roles, number of peers. */
  static final class Table extends DeviceWriter {
    private static final List<String> HEADER =
        List.of("ADDRESS", "MAC", "VENDOR", "MODEL", "FIRMWARE", "TYPE", "PROTOCOLS", "ROLES", "PEERS");

    @Override
    void write(List<DiscoverRun.DeviceView> devices, Writer out) throws IOException {
      List<List<String>> rows = new java.util.ArrayList<>();
      rows.add(HEADER);
      for (DiscoverRun.DeviceView d : devices) {
        Asset a = d.asset();
        rows.add(List.of(a.id(), dash(a.mac()), dash(a.vendor()), dash(a.model()), dash(a.firmware()), a.type(),
            joined(a.protocols()), joined(a.roles()), Integer.toString(a.peers().size())));
      }
      int[] widths = new int[HEADER.size()];
      for (List<String> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(widths[i], row.get(i).length());
        }
      }
      for (List<String> row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
          line.append(row.get(i));
          if (i < row.size() - 1) {
            line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
          }
        }
        out.write(line.toString().stripTrailing());
        out.write('\n');
      }
    }

    private static String dash(@Nullable String value) {
      return value == null ? "-" : value.replace('\t', ' ').replace('\n', ' ');
    }

    private static String joined(Collection<String> values) {
      return values.isEmpty() ? "-" : String.join(",", new TreeSet<>(values));
    }
  }

  /** A JSON array, one device object a line, every field of the asset plus first and last seen. */
  static final class Json extends DeviceWriter {
    @Override
    void write(List<DiscoverRun.DeviceView> devices, Writer out) throws IOException {
      out.write("[");
      for (int i = 0; i < devices.size(); i++) {
        out.write(i == 0 ? "\n" : ",\n");
        out.write(object(devices.get(i)));
      }
      out.write(devices.isEmpty() ? "]\n" : "\n]\n");
    }

    private static String object(DiscoverRun.DeviceView d) {
      Asset a = d.asset();
      return new JsonWriter().beginObject()
          .name("id").value(a.id())
          .name("ip").value(a.addresses().iterator().next())
          .name("mac").value(a.mac())
          .name("vendor").value(a.vendor())
          .name("model").value(a.model())
          .name("firmware").value(a.firmware())
          .name("type").value(a.type())
          .name("protocols").write(new TreeSet<>(a.protocols()))
          .name("roles").write(new TreeSet<>(a.roles()))
          .name("peers").write(new TreeSet<>(a.peers()))
          .name("attributes").write(new TreeMap<>(a.attributes()))
          .name("first_seen").value(d.firstSeen().toString())
          .name("last_seen").value(d.lastSeen().toString())
          .endObject().toString();
    }
  }
}
