package io.isthmus.protocol.enip.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A code-to-name table with the spellings ICSNPP's {@code consts.zeek} uses, read from a bundled
 * resource ({@code code<TAB>name} lines), and ICSNPP's spelling for codes it does not know.
 */
final class NameTable {
  static final NameTable ENIP_COMMANDS = load("enip-commands", n -> "unknown");
  static final NameTable ENIP_STATUSES = load("enip-statuses", n -> String.format("Unknown ENIP Status-0x%02x", n));
  static final NameTable CIP_STATUSES = load("cip-statuses", n -> String.format("Unknown CIP Status-0x%02x", n));
  static final NameTable CIP_EXTENDED_STATUSES = load("cip-extended-statuses",
      n -> String.format("Unknown Extended Status-0x%04x", n));
  static final NameTable CIP_SERVICES = load("cip-services", n -> "unknown");
  static final NameTable CIP_CLASSES = load("cip-classes", n -> "unknown");
  static final NameTable CIP_VENDORS = load("cip-vendors", n -> String.format("Unknown Vendor-0x%02x", n));
  static final NameTable CIP_DEVICE_TYPES = load("cip-device-types", n -> String.format("Unknown Device-0x%02x", n));

  private final Map<Long, String> names;
  private final LongFunction<String> unknown;

  private NameTable(Map<Long, String> names, LongFunction<String> unknown) {
    this.names = names;
    this.unknown = unknown;
  }

  String name(long code) {
    String name = names.get(code);
    return name != null ? name : unknown.apply(code);
  }

  boolean knows(long code) {
    return names.containsKey(code);
  }

  private static NameTable load(String resource, LongFunction<String> unknown) {
    Map<Long, String> names = new HashMap<>();
    try (InputStream in = NameTable.class.getResourceAsStream(resource + ".tsv")) {
      if (in == null) {
        throw new IllegalStateException("missing name table " + resource + ".tsv");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("#") && tab > 0) {
          names.put(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NameTable(Map.copyOf(names), unknown);
  }
}
