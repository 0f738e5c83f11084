package io.isthmus.api.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FindingTest {
  private static final Endpoint PLC = Endpoint.of("192.168.1.20", 502);
  private static final Endpoint MASTER = Endpoint.of("192.168.1.10", 49_152);

  private static Finding withScore(double score) {
    return new Finding("baseline", "1.0.0", 1L, PLC, MASTER, "modbus", score, List.of("fc_not_in_baseline:90"),
        List.of(new Technique("T0843", "Program Download", "Lateral Movement")), List.of(), "explanation");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 1.0})
  void scoresInTheUnitIntervalAreAccepted(double score) {
    assertEquals(score, withScore(score).score());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.01, 1.0001, -1.0, 2.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void scoresOutsideTheUnitIntervalAreRejected(double score) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withScore(score));
    assertTrue(e.getMessage().contains("score"), e.getMessage());
  }

  @Test
  void requiredPartsAreChecked() {
    assertThrows(NullPointerException.class, () -> new Finding(null, "1", 1L, PLC, MASTER, "modbus", 0.5,
        List.of(), List.of(), List.of(), "x"));
    assertThrows(NullPointerException.class, () -> new Finding("m", "1", 1L, null, MASTER, "modbus", 0.5,
        List.of(), List.of(), List.of(), "x"));
    assertThrows(NullPointerException.class, () -> new Finding("m", "1", 1L, PLC, MASTER, "modbus", 0.5,
        List.of(), List.of(), List.of(), null));
    assertThrows(NullPointerException.class, () -> new Technique("T0843", null, "Lateral Movement"));
  }

  @Test
  void listsAreCopied() {
    List<String> indicators = new ArrayList<>(List.of("a"));
    Finding f = new Finding("m", "1", 1L, PLC, MASTER, "modbus", 0.5, indicators, List.of(), List.of(), "x");
    indicators.add("b");
    assertEquals(List.of("a"), f.indicators());
    assertThrows(UnsupportedOperationException.class, () -> f.indicators().add("c"));
  }

  @Test
  void modelStateBytesAreCopied() {
    byte[] data = {1, 2, 3};
    ModelState state = new ModelState("m", "1", 1, data);
    data[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, state.data());
    state.data()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, state.data());
    assertTrue(ModelState.empty("m", "1").isEmpty());
    assertDoesNotThrow(() -> new ModelState("m", "1", 0, new byte[0]));
  }
}
