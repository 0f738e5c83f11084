package io.isthmus.model.sequence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The learning period, what is learned after it, and what is never learned. */
class LearningTest {
  private static final long MINUTE = 60_000_000L;

  private static List<TelemetryEvent> polling(long start, String client, int cycles) {
    List<TelemetryEvent> events = new ArrayList<>();
    long t = start;
    for (int i = 0; i < cycles; i++) {
      events.add(Events.request(t += 100_000, client, "10.0.0.9", "modbus", "READ_COILS"));
      events.add(Events.request(t += 100_000, client, "10.0.0.9", "modbus", "READ_HOLDING_REGISTERS"));
    }
    return events;
  }

  @Test
  void learningEndsAfterTheConfiguredEventCount() {
    SequenceModel model = new SequenceModel("1", Configs.with(Map.of("learningEvents", 10L)));
    Events.observe(model, polling(0, "10.0.0.1", 5));
    assertTrue(model.isLearning());
    Events.observe(model, polling(MINUTE, "10.0.0.1", 1));
    assertFalse(model.isLearning());
  }

  @Test
  void learningEndsAfterTheConfiguredEventTime() {
    SequenceModel model = new SequenceModel("1", Configs.with(Map.of("learningMinutes", 1L)));
    Events.observe(model, polling(0, "10.0.0.1", 200));
    assertTrue(model.isLearning(), "40 s of events");
    Events.observe(model, polling(MINUTE, "10.0.0.1", 1));
    assertFalse(model.isLearning());
  }

  @Test
  void responsesAndUnsolicitedReportsAreNotPartOfSequences() {
    SequenceModel model = Configs.model();
    for (Direction d : List.of(Direction.RESPONSE, Direction.UNSOLICITED)) {
      model.observe(TelemetryEvent.builder().source(Endpoint.of("10.0.0.9", 502)).destination(Endpoint.of("10.0.0.1", 40000))
          .protocol("modbus").operation("READ_COILS").direction(d).build(), f -> {});
    }
    assertNull(model.chainOf("10.0.0.9"));
  }

  @Test
  void flaggedSessionsAreNeverLearnedCleanOnesAre() {
    SequenceModel model = Configs.model();
    Events.observe(model, polling(0, "10.0.0.1", 100));
    model.endLearning();
    long learned = model.chainOf("10.0.0.9").learned();

    // The same attack three times, each in its own session: flagged every time, learned never.
    for (int i = 1; i <= 3; i++) {
      List<TelemetryEvent> attack = new ArrayList<>(polling(i * 10 * MINUTE, "10.0.0.66", 3));
      long t = attack.get(attack.size() - 1).timeMicros();
      for (int w = 0; w < 40; w++) {
        attack.add(Events.request(t += 10_000, "10.0.0.66", "10.0.0.9", "modbus", "WRITE_SINGLE_REGISTER"));
      }
      List<Finding> findings = Events.observe(model, attack);
      assertTrue(Events.hasIndicator(findings, "unseen_transition:READ_HOLDING_REGISTERS->WRITE_SINGLE_REGISTER"), "attack " + i);
      assertEquals(learned, model.chainOf("10.0.0.9").learned(), "nothing of a flagged session is learned");
    }

    // A clean session after learning is learned once it ends (here: closed by the next session's idle check).
    Events.observe(model, polling(100 * MINUTE, "10.0.0.1", 10));
    Events.observe(model, polling(200 * MINUTE, "10.0.0.2", 1));
    assertEquals(learned + 20, model.chainOf("10.0.0.9").learned());
  }

  @Test
  void aNewDeviceIsJudgedAgainstItsProtocolUntilItHasABaselineOfItsOwn() {
    SequenceModel model = Configs.model();
    Events.observe(model, polling(0, "10.0.0.1", 100));
    model.endLearning();
    List<TelemetryEvent> fresh = List.of(
        Events.request(MINUTE, "10.0.0.1", "10.0.0.20", "modbus", "READ_COILS"),
        Events.request(MINUTE + 1, "10.0.0.1", "10.0.0.20", "modbus", "UMAS_STOP_PLC"));
    List<Finding> findings = Events.observe(model, fresh);
    assertEquals(1, findings.size());
    assertEquals(List.of("unseen_transition:READ_COILS->UMAS_STOP_PLC", "baseline:protocol", "operation_kind:mode_change"),
        findings.get(0).indicators());
  }

  @Test
  void memoryIsBoundedByTheTransitionAndNameCaps() {
    SequenceModel model = new SequenceModel("1", Configs.with(Map.of("maxTransitionsPerDevice", 16, "maxOperations", 8)));
    List<TelemetryEvent> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(Events.request(i * 1_000L, "10.0.0.1", "10.0.0.9", "modbus", "MADE_UP_" + (i * 7919 % 101)));
    }
    Events.observe(model, events);
    Chain chain = model.chainOf("10.0.0.9");
    assertTrue(chain.pairs() <= 16, "pairs " + chain.pairs());
    assertTrue(chain.refused() > 0);
    assertTrue(chain.operations().size() <= 8, "operations " + chain.operations().size());
  }

  /** A device polled in a strict cycle: a step out of the cycle is rare even though every operation is familiar. */
  @Test
  void aStepOutOfAStrictCycleIsRareEvenWithFamiliarOperations() {
    SequenceModel model = Configs.model();
    String[] cycle = {"READ_COILS", "READ_DISCRETE_INPUTS", "READ_HOLDING_REGISTERS"};
    List<TelemetryEvent> events = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 600; i++) {
      events.add(Events.request(t += 100_000, "10.0.0.1", "10.0.0.9", "modbus", cycle[i % 3]));
    }
    Events.observe(model, events);
    model.endLearning();
    List<TelemetryEvent> inCycle = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      inCycle.add(Events.request(t += 100_000, "10.0.0.1", "10.0.0.9", "modbus", cycle[i % 3]));
    }
    assertTrue(Events.observe(model, inCycle).isEmpty());
    List<Finding> findings = Events.observe(model, List.of(
        Events.request(t += 100_000, "10.0.0.1", "10.0.0.9", "modbus", "READ_HOLDING_REGISTERS")));
    assertEquals(1, findings.size());
    assertEquals("unseen_transition:READ_DISCRETE_INPUTS,READ_HOLDING_REGISTERS->READ_HOLDING_REGISTERS",
        findings.get(0).indicators().get(0), "the order-2 context is the most surprising one");
    assertTrue(findings.get(0).techniques().isEmpty(), "a read implies no technique");
  }
}
