package io.isthmus.model.sequence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A capture recorded with pymodbus (see the test resources' README): an HMI polls; a second host
 * polls like it, writes a burst of registers and restarts the device's communications; the HMI
 * polls on. Learning ends where the second host first appears.
 */
class RecordedAttackTest {
  private static final String ATTACKER = "127.0.0.3";

  @Test
  void onlyTheWriteBurstAndRestartOfTheSecondHostAreFlagged() throws Exception {
    List<TelemetryEvent> events = Captures.modbus("pymodbus_poll_write_restart.pcapng");
    int attackStart = 0;
    while (!events.get(attackStart).source().ip().equals(ATTACKER)) {
      attackStart++;
    }
    assertTrue(attackStart > 900, "the HMI's polling comes first: " + attackStart + " events");
    SequenceModel model = Configs.model();
    assertTrue(Events.observe(model, events.subList(0, attackStart)).isEmpty());
    model.endLearning();

    List<Finding> findings = Events.observe(model, events.subList(attackStart, events.size()));
    Events.print("recorded poll, write burst, restart", findings);
    assertTrue(findings.stream().allMatch(f -> f.peer().ip().equals(ATTACKER)), "the HMI's own polling stays quiet");
    assertEquals(List.of("unseen_transition:READ_HOLDING_REGISTERS->WRITE_SINGLE_REGISTER",
            "unseen_transition:WRITE_SINGLE_REGISTER->DIAGNOSTICS:Restart Communications Option"),
        findings.stream().map(f -> f.indicators().get(0)).toList());
    assertEquals(List.of("T0855"), findings.get(0).techniques().stream().map(Technique::id).toList());
    assertEquals(List.of("T0816"), findings.get(1).techniques().stream().map(Technique::id).toList());
    assertTrue(findings.get(1).score() > findings.get(0).score(), "a restart outranks a write");
  }
}
