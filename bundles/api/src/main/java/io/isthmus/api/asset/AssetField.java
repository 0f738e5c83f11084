package io.isthmus.api.asset;

import java.util.Locale;

/**
 * The asset fields the site's registry controls. A field the registry set keeps the registry's value;
 * discovery never overwrites it (for vendor, model and firmware a differing discovered value becomes an
 * {@link AssetConflict}).
 */
public enum AssetField {
  TYPE,
  CRITICALITY,
  ZONE,
  SITE,
  LOCATION,
  OWNER,
  VENDOR,
  MODEL,
  FIRMWARE;

  /** The field's name in registry files and JSON: lower case, e.g. {@code firmware}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a discovered value differing from the registry's is kept as a conflict (vendor, model, firmware). */
  public boolean conflictsAreKept() {
    return this == VENDOR || this == MODEL || this == FIRMWARE;
  }

  /** The field with this {@link #key()}. */
  public static AssetField fromKey(String key) {
    return valueOf(key.trim().toUpperCase(Locale.ROOT));
  }
}
