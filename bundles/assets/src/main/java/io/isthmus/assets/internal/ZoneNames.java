package io.isthmus.assets.internal;

import io.isthmus.api.asset.Zone;
import java.util.Locale;
import java.util.Map;

/** Zone spellings a site's registry uses: names (IT, DMZ, OT supervisory, OT control) and Purdue levels. */
final class ZoneNames {

  private static final Map<String, Zone> NAMES = Map.ofEntries(
      Map.entry("it", Zone.IT), Map.entry("enterprise", Zone.IT),
      Map.entry("dmz", Zone.DMZ), Map.entry("it/ot dmz", Zone.DMZ), Map.entry("industrial dmz", Zone.DMZ),
      Map.entry("ot supervisory", Zone.OT_SUPERVISORY), Map.entry("supervisory", Zone.OT_SUPERVISORY),
      Map.entry("ot control", Zone.OT_CONTROL), Map.entry("control", Zone.OT_CONTROL),
      Map.entry("0", Zone.OT_CONTROL), Map.entry("1", Zone.OT_CONTROL),
      Map.entry("2", Zone.OT_SUPERVISORY), Map.entry("3", Zone.OT_SUPERVISORY),
      Map.entry("3.5", Zone.DMZ),
      Map.entry("4", Zone.IT), Map.entry("5", Zone.IT),
      Map.entry("unknown", Zone.UNKNOWN));

  private ZoneNames() {}

  /**
   * The zone a registry cell names: {@code IT}, {@code DMZ}, {@code OT supervisory}, {@code OT control}
   * (any case, {@code _} or {@code -} for the space), or a Purdue level {@code 0}-{@code 5} or
   * {@code 3.5}, optionally written {@code level 2}, {@code L2} or {@code Purdue 3.5}.
   *
   * @throws IllegalArgumentException with a message naming the accepted spellings
   */
  static Zone parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ");
    key = key.replaceFirst("^(purdue )?(level |l ?)(?=\\d)", "").replaceFirst("^purdue (?=\\d)", "");
    Zone zone = NAMES.get(key);
    if (zone == null) {
      throw new IllegalArgumentException("zone '" + text.trim() + "' is not IT, DMZ, OT supervisory, OT control"
          + " or a Purdue level 0-5 (3.5 for the DMZ)");
    }
    return zone;
  }

  /** How a registry file writes the zone; empty for UNKNOWN. */
  static String label(Zone zone) {
    return switch (zone) {
      case IT -> "IT";
      case DMZ -> "DMZ";
      case OT_SUPERVISORY -> "OT supervisory";
      case OT_CONTROL -> "OT control";
      case UNKNOWN -> "";
    };
  }
}
