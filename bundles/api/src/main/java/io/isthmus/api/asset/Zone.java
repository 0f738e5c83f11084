package io.isthmus.api.asset;

/** Network zone of an asset, after the Purdue reference model. */
public enum Zone {
  /** Enterprise IT, Purdue levels 4 and 5. */
  IT("4-5"),
  /** The IT/OT demilitarised zone, Purdue level 3.5. */
  DMZ("3.5"),
  /** Site operations and supervisory control: historians, HMIs, engineering workstations (levels 2-3). */
  OT_SUPERVISORY("2-3"),
  /** Basic control and the process itself: PLCs, RTUs, drives, sensors (levels 0-1). */
  OT_CONTROL("0-1"),
  /** Not yet placed. */
  UNKNOWN("?");

  private final String purdueLevels;

  Zone(String purdueLevels) {
    this.purdueLevels = purdueLevels;
  }

  public String purdueLevels() {
    return purdueLevels;
  }
}
