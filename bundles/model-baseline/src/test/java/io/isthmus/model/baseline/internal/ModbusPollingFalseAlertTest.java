package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The false-alert goal on real normal traffic: learn on the first half of an ITI Modbus/TCP
 * polling capture (one master, many slaves), analyse the second half: at most one finding per
 * 10,000 events.
 */
class ModbusPollingFalseAlertTest {

  @Test
  void secondHalfOfNormalPollingRaisesAtMostOneFindingPerTenThousandEvents() {
    List<TelemetryEvent> events = Captures.modbus("modbus_polling_ModbusTCP.pcap");
    assertTrue(events.size() > 5_000, "the capture decodes into thousands of events: " + events.size());
    int half = events.size() / 2;
    BaselineModel model = TestConfig.untilEndLearning();
    List<Finding> duringLearning = Captures.observe(model, events.subList(0, half));
    assertTrue(duringLearning.isEmpty(), "a learning model reports nothing: " + duringLearning);
    model.endLearning();
    assertFalse(model.isLearning());

    List<TelemetryEvent> analysed = events.subList(half, events.size());
    List<Finding> findings = Captures.observe(model, analysed);
    double perTenThousand = findings.size() * 10_000.0 / analysed.size();
    System.out.printf("modbus_polling_ModbusTCP.pcap: learned %d events, analysed %d events, %d findings = %.2f per 10,000%n",
        half, analysed.size(), findings.size(), perTenThousand);
    findings.forEach(f -> System.out.println("  " + f.indicators() + " " + f.peer().ip() + " -> " + f.device().ip()
        + " score " + f.score() + ": " + f.evidence().get(0).operation() + " " + f.evidence().get(0).fields()));
    assertTrue(perTenThousand <= 1.0, findings.size() + " findings in " + analysed.size() + " events");
  }
}
