package io.isthmus.model.sequence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real Modbus/TCP polling capture: learn its first half, analyse its second half, then an attack on it. */
class ModbusPollingTest {
  private static List<TelemetryEvent> events;
  private static List<TelemetryEvent> firstHalf;
  private static List<TelemetryEvent> secondHalf;

  @BeforeAll
  static void replay() throws Exception {
    events = Captures.modbus("modbus_polling_ModbusTCP.pcap");
    firstHalf = events.subList(0, events.size() / 2);
    secondHalf = events.subList(events.size() / 2, events.size());
  }

  static SequenceModel learnedOnFirstHalf() {
    return learnedOnFirstHalf(2);
  }

  static SequenceModel learnedOnFirstHalf(int order) {
    SequenceModel model = new SequenceModel("1.0.0.test", Configs.with(Map.of("order", order)));
    assertTrue(Events.observe(model, firstHalf).isEmpty(), "a learning model reports nothing");
    model.endLearning();
    assertFalse(model.isLearning());
    return model;
  }

  @ParameterizedTest(name = "order {0}")
  @ValueSource(ints = {1, 2, 3})
  void secondHalfOfNormalPollingRaisesAtMostOneFindingPer10000Events(int order) {
    SequenceModel model = learnedOnFirstHalf(order);
    List<Finding> findings = Events.observe(model, secondHalf);
    double per10k = findings.size() * 10_000.0 / secondHalf.size();
    Events.print("order " + order + ": modbus polling, second half (" + secondHalf.size() + " events, " + String.format("%.2f", per10k)
        + " findings per 10,000)", findings);
    assertTrue(secondHalf.size() > 5_000, "the capture decodes to thousands of events: " + secondHalf.size());
    assertTrue(per10k <= 1.0, findings.size() + " findings in " + secondHalf.size() + " events");
  }

  /**
   * A host that never talked to the device polls it like an HMI, then writes a burst of
   * registers and restarts its communications: every step after the reads is new, while the real
   * master's traffic around it stays quiet.
   */
  @Test
  void readPollingThenWriteBurstThenDiagnosticsRestartIsFlagged() {
    SequenceModel model = learnedOnFirstHalf();
    List<TelemetryEvent> traffic = new ArrayList<>(secondHalf.subList(0, 3_000));
    TelemetryEvent real = traffic.stream().filter(e -> e.direction() == Direction.REQUEST).findFirst().orElseThrow();
    String device = real.destination().ip();
    String attacker = "141.81.0.99";
    long t = real.timeMicros();
    List<TelemetryEvent> attack = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      attack.add(Events.request(t += 50_000, attacker, device, "modbus", "READ_INPUT_REGISTERS"));
    }
    for (int i = 0; i < 10; i++) {
      attack.add(Events.request(t += 20_000, attacker, device, "modbus", "WRITE_SINGLE_REGISTER", Map.of("address", 40 + i)));
    }
    attack.add(Events.request(t + 20_000, attacker, device, "modbus", "DIAGNOSTICS",
        Map.of("request_subfunction_code", "Restart Communications Option")));
    traffic.addAll(attack);
    traffic.sort(java.util.Comparator.comparingLong(TelemetryEvent::timeMicros));

    List<Finding> findings = Events.observe(model, traffic);
    Events.print("modbus polling with a read, write burst, restart session from " + attacker, findings);
    assertTrue(findings.stream().allMatch(f -> f.peer().ip().equals(attacker) && f.device().ip().equals(device)),
        "only the attacker's session is flagged");
    Finding write = findings.stream()
        .filter(f -> f.indicators().get(0).equals("unseen_transition:READ_INPUT_REGISTERS->WRITE_SINGLE_REGISTER"))
        .findFirst().orElseThrow();
    assertEquals(List.of(Techniques.UNAUTHORIZED_COMMAND), write.techniques(), "a command out of a read-only history");
    Finding restart = findings.stream()
        .filter(f -> f.indicators().get(0).endsWith("->DIAGNOSTICS:Restart Communications Option")).findFirst().orElseThrow();
    assertTrue(restart.techniques().stream().map(Technique::id).toList().contains("T0816"));
    assertTrue(restart.score() >= 0.6, "restarting a device after a write burst scores high: " + restart.score());
    assertTrue(restart.explanation().contains("DIAGNOSTICS:Restart Communications Option")
        && restart.explanation().contains("WRITE_SINGLE_REGISTER"), restart.explanation());
    assertEquals(attack.get(attack.size() - 1), restart.evidence().get(restart.evidence().size() - 1));
  }
}
