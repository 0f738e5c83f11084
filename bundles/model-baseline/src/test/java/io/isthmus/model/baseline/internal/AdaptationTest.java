package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** After learning, unflagged traffic moves the learned rate; flagged traffic never does. */
class AdaptationTest {
  private static final String MASTER = "10.0.0.1";
  private static final String PLC = "10.0.0.2";
  private long t;

  @Test
  void aSlowLegitimateRiseIsFollowedButAFloodIsNot() {
    BaselineModel model = TestConfig.model(Map.of("learning_seconds", 0L, "adaptation_rate", 0.05));
    List<Finding> findings = new ArrayList<>();
    poll(model, 10, 30, findings); // learn 1 request/s
    model.endLearning();
    PeerStats pair = model.devices.get(PLC).peers[0];
    float learned = pair.rateMean;
    poll(model, 15, 200, findings); // 1.5 requests/s: within the flood factor, not flagged
    assertTrue(findings.isEmpty(), findings.toString());
    assertTrue(pair.rateMean > learned * 1.4, "followed the rise: " + learned + " -> " + pair.rateMean);

    float adapted = pair.rateMean;
    poll(model, 80, 50, findings); // a flood: every window flagged
    assertEquals(50, findings.stream().filter(f -> f.indicators().stream().anyMatch(i -> i.startsWith("message_rate_")))
        .count() + 1, "every flood window but the first is reported when it closes");
    // Only the last normal window, closed by the first flood event, may still move it (by ~1e-5 here).
    assertEquals(adapted, pair.rateMean, 1e-3, "flagged windows never move the baseline");
  }

  /** {@code perWindow} read requests evenly over each 10 s window, for {@code windows} windows. */
  private void poll(BaselineModel model, int perWindow, int windows, List<Finding> findings) {
    long step = 10_000_000L / perWindow;
    for (int w = 0; w < windows; w++) {
      for (int i = 0; i < perWindow; i++) {
        model.observe(Events.modbusRequest(t, MASTER, PLC, 3, "READ_HOLDING_REGISTERS", 0, 10), findings::add);
        t += step;
      }
    }
  }
}
