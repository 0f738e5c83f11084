package io.isthmus.assets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.isthmus.api.asset.Zone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZoneNamesTest {

  @ParameterizedTest
  @CsvSource({
      "IT, IT", "it, IT", "Enterprise, IT", "4, IT", "5, IT", "level 4, IT", "L5, IT",
      "DMZ, DMZ", "3.5, DMZ", "Purdue 3.5, DMZ", "level 3.5, DMZ", "Purdue level 3.5, DMZ",
      "OT supervisory, OT_SUPERVISORY", "ot-supervisory, OT_SUPERVISORY", "OT_SUPERVISORY, OT_SUPERVISORY",
      "2, OT_SUPERVISORY", "3, OT_SUPERVISORY", "Level 2, OT_SUPERVISORY", "l3, OT_SUPERVISORY",
      "OT control, OT_CONTROL", "OT  Control, OT_CONTROL", "0, OT_CONTROL", "1, OT_CONTROL", "L1, OT_CONTROL"})
  void spellingsOfZonesAndPurdueLevels(String text, Zone zone) {
    assertEquals(zone, ZoneNames.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"6", "3.6", "level two", "OT", "-1", "ITDMZ"})
  void otherSpellingsAreRefusedWithTheAcceptedOnes(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZoneNames.parse(text));
    assertEquals("zone '" + text + "' is not IT, DMZ, OT supervisory, OT control or a Purdue level 0-5 (3.5 for the DMZ)",
        e.getMessage());
  }

  @Test
  void labelsReadBackAsTheSameZone() {
    for (Zone zone : Zone.values()) {
      if (zone != Zone.UNKNOWN) {
        assertEquals(zone, ZoneNames.parse(ZoneNames.label(zone)));
      }
    }
  }
}
