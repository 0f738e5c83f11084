package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariablesTest {

  @Test
  void launcherValuesOverrideDeclaredDefaults() {
    Variables v = Variables.of(Map.of("isthmus.home", ".", "site", "plant-a"), Map.of("isthmus.home", "/opt/isthmus"));
    assertEquals("/opt/isthmus/demo/x.pcap on plant-a", v.substitute("${isthmus.home}/demo/x.pcap on ${site}", "test"));
  }

  @Test
  void arraysAndPlainValuesAreHandled() {
    Variables v = new Variables(Map.of("d", "/data"));
    Map<String, Object> out = v.substituteAll(Map.of("paths", new String[] {"${d}/a", "b"}, "n", 3), "cfg");
    assertArrayEquals(new String[] {"/data/a", "b"}, (String[]) out.get("paths"));
    assertEquals(3, out.get("n"));
  }

  @Test
  void anUndeclaredVariableIsAUsageErrorNamingIt() {
    UsageException e = assertThrows(UsageException.class,
        () -> new Variables(Map.of()).substitute("${nope}/x", "configuration p key 'path'"));
    assertTrue(e.getMessage().contains("${nope}") && e.getMessage().contains("key 'path'"), e.getMessage());
  }
}
