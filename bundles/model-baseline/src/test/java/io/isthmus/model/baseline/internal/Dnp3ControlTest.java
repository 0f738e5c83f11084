package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real DNP3 from one master and outstation (ITI captures, 192.168.60.x): a baseline that only
 * ever saw the master read sees its first control commands.
 */
class Dnp3ControlTest {

  @Test
  void controlCommandsToAnOutstationThatWasOnlyReadAreFlagged() {
    BaselineModel model = TestConfig.untilEndLearning();
    List<TelemetryEvent> reads = Captures.dnp3("dnp3_read_and_response.pcap");
    assertFalse(reads.isEmpty());
    assertTrue(Captures.observe(model, reads).isEmpty());
    model.endLearning();

    List<Finding> direct = Captures.observe(model, Captures.dnp3("dnp3_directoperate_and_response.pcap"));
    direct.forEach(f -> System.out.println(f.indicators() + " " + f.techniques() + " " + f.score()));
    assertTrue(direct.stream().anyMatch(f -> f.indicators().contains("fc_not_in_baseline:5")
        && f.indicators().contains("new_writer_host") && ids(f).contains("T0855")), "DIRECT_OPERATE (5) flagged");

    List<Finding> selectOperate = Captures.observe(model, Captures.dnp3("dnp3_select_operate_and_responses.pcap"));
    selectOperate.forEach(f -> System.out.println(f.indicators() + " " + f.techniques() + " " + f.score()));
    assertTrue(selectOperate.stream().anyMatch(f -> f.indicators().contains("fc_not_in_baseline:3")), "SELECT (3)");
    assertTrue(selectOperate.stream().anyMatch(f -> f.indicators().contains("fc_not_in_baseline:4")), "OPERATE (4)");
  }

  private static List<String> ids(Finding f) {
    return f.techniques().stream().map(Technique::id).toList();
  }
}
