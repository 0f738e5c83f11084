package io.isthmus.assets.internal;

import io.isthmus.api.asset.Asset;
import io.isthmus.api.asset.AssetBuilder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The columns of a registry file and how one row's cells become a registry entry. */
final class RegistryFields {

  /** Column order of files Isthmus writes; a file read may have them in any order, only {@code id} is required. */
  static final List<String> COLUMNS = List.of("id", "addresses", "mac", "type", "criticality", "zone", "site",
      "location", "owner", "vendor", "model", "firmware");

  /** Written by export for people to read, ignored by import. */
  static final List<String> READ_ONLY = List.of("conflicts", "risk");

  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]*:[0-9a-f:.]*");
  private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}([:-][0-9a-f]{2}){5}");
  private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9 _./-]{0,63}");

  private RegistryFields() {}

  /** A row that cannot be imported; the message says why, without the file and line. */
  static final class BadRow extends Exception {
    private static final long serialVersionUID = 1L;

    BadRow(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The registry entry of one row; blank cells are unknown. Cells are keyed by lower-case column name. */
  static Asset entry(Map<String, String> cells) throws BadRow {
    String id = text(cells, "id", 200);
    if (id == null) {
      throw new BadRow("no id");
    }
    AssetBuilder entry = Asset.builder(id);
    String addresses = cells.get("addresses");
    if (addresses != null) {
      for (String part : addresses.split("[;,]")) {
        if (!part.isBlank()) {
          entry.address(address(part.trim()));
        }
      }
    }
    String mac = text(cells, "mac", 17);
    if (mac != null) {
      String lower = mac.toLowerCase(Locale.ROOT);
      if (!MAC.matcher(lower).matches()) {
        throw new BadRow("mac '" + mac + "' is not six hex pairs like 00:1b:1b:aa:bb:cc");
      }
      entry.mac(lower.replace('-', ':'));
    }
    String type = text(cells, "type", 64);
    if (type != null) {
      String lower = type.toLowerCase(Locale.ROOT);
      if (!TYPE.matcher(lower).matches()) {
        throw new BadRow("type '" + type + "' must be letters, digits, space, _ . / or -");
      }
      entry.type(lower);
    }
    String criticality = text(cells, "criticality", 8);
    if (criticality != null) {
      entry.criticality(criticality(criticality));
    }
    String zone = text(cells, "zone", 40);
    if (zone != null) {
      try {
        entry.zone(ZoneNames.parse(zone));
      } catch (IllegalArgumentException e) {
        throw new BadRow(e.getMessage());
      }
    }
    return entry.site(text(cells, "site", 400)).location(text(cells, "location", 400)).owner(text(cells, "owner", 400))
        .vendor(text(cells, "vendor", 200)).model(text(cells, "model", 200)).firmware(text(cells, "firmware", 200))
        .build();
  }

  private static int criticality(String text) throws BadRow {
    try {
      int value = (int) Double.parseDouble(text);
      if (value == Double.parseDouble(text) && value >= 1 && value <= 5) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRow("criticality '" + text + "' must be a whole number from 1 (lab, spare) to 5 (safety system)");
  }

  private static String address(String text) throws BadRow {
    String lower = text.toLowerCase(Locale.ROOT);
    if (IPV4.matcher(lower).matches() || (lower.length() <= 45 && IPV6.matcher(lower).matches() && isIpv6(lower))) {
      return lower;
    }
    throw new BadRow("address '" + text + "' is not an IPv4 or IPv6 address");
  }

  private static boolean isIpv6(String text) {
    try {
      // Hex digits, colons and dots with at least one colon: InetAddress parses it as a literal, no name lookup.
      InetAddress.getByName(text);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The trimmed cell, {@code null} if absent or blank. */
  private static @Nullable String text(Map<String, String> cells, String column, int maxLength) throws BadRow {
    String value = cells.get(column);
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.length() > maxLength) {
      throw new BadRow(column + " is longer than " + maxLength + " characters");
    }
    if (trimmed.chars().anyMatch(c -> c < 0x20)) {
      throw new BadRow(column + " contains a control character");
    }
    return trimmed;
  }
}
