package io.isthmus.protocol.bacnet.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * BACnet's name tables as ICSNPP spells them (bundled {@code icsnpp-names.tsv}, taken from
 * icsnpp-bacnet's consts.zeek), with the spelling Zeek falls back to for a code not in a table.
 */
enum Names {
  BVLC_FUNCTIONS("bvlc_functions"),
  BVLC_RESULTS("bvlc_results"),
  ABORT_REASONS("abort_reasons"),
  REJECT_REASONS("reject_reasons"),
  ERROR_CODES("error_codes"),
  NPDU_MESSAGE_TYPES("npdu_message_types"),
  APDU_TYPES("apdu_types"),
  UNCONFIRMED_SERVICES("unconfirmed_service_choice"),
  CONFIRMED_SERVICES("confirmed_service_choice"),
  PROPERTIES("property_identifiers"),
  EVENT_STATES("event_states"),
  DEVICE_STATUS("device_status"),
  SEGMENTATION("segmentation_supported_status"),
  LOGGING_TYPE("logging_type"),
  RELIABILITY("reliability"),
  NOTIFY_TYPE("notify_type"),
  OBJECT_TYPES("object_types"),
  VENDORS("vendors"),
  UNITS("bacnet_units"),
  REINITIALIZE_STATES("reinitialize_device_states"),
  COMMUNICATION_STATES("device_communication_control_states");

  private static final String RESOURCE = "icsnpp-names.tsv";

  private final String zeekName;
  private Map<Long, String> names = Map.of();
  private String fallback = "%d";

  Names(String zeekName) {
    this.zeekName = zeekName;
  }

  static {
    load();
  }

  /** The name of {@code code}; Zeek counts are unsigned 64-bit, so a negative code prints as such. */
  String name(long code) {
    String n = names.get(code);
    return n != null ? n : unknown(code);
  }

  boolean contains(long code) {
    return names.containsKey(code);
  }

  private String unknown(long code) {
    int at = fallback.indexOf('%');
    if (fallback.startsWith("%02x", at)) {
      String hex = Long.toHexString(code);
      return fallback.substring(0, at) + (hex.length() < 2 ? "0" + hex : hex) + fallback.substring(at + 4);
    }
    String digits = fallback.startsWith("%x", at) ? Long.toHexString(code) : Long.toUnsignedString(code);
    return fallback.substring(0, at) + digits + fallback.substring(at + 2);
  }

  private static void load() {
    Map<String, Names> byZeekName = new HashMap<>();
    for (Names t : values()) {
      byZeekName.put(t.zeekName, t);
    }
    Map<Names, Map<Long, String>> tables = new EnumMap<>(Names.class);
    try (InputStream in = Names.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the bundle");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Names current = null;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (line.startsWith("@")) {
          current = byZeekName.get(line.substring(1, tab));
          if (current != null) {
            current.fallback = line.substring(tab + 1);
            tables.put(current, new HashMap<>());
          }
        } else if (current != null) {
          tables.get(current).put(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tables.forEach((t, m) -> t.names = Map.copyOf(m));
  }
}
