package io.isthmus.model.sequence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.detection.Technique;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Learns normal EtherNet/IP traffic (an engineering station polling a Logix controller's
 * attributes, cisagov/icsnpp-enip's example capture), then replays real captures of a PLC being
 * stopped, started and sent new software. Each analysis starts from the same exported state.
 */
class CipCapturesTest {
  private static ModelState learned;

  @BeforeAll
  static void learnNormalCip() throws Exception {
    // The example capture joins recordings made years apart: end learning by hand, not by event time.
    SequenceModel model = new SequenceModel("1.0.0.test", Configs.with(java.util.Map.of("learningMinutes", 0L)));
    List<TelemetryEvent> normal = Captures.enip("enip_cip_example.pcap");
    assertTrue(Events.observe(model, normal).isEmpty());
    model.endLearning();
    learned = model.exportState();
  }

  private static List<Finding> analyse(String capture) throws Exception {
    SequenceModel model = Configs.model();
    model.importState(learned);
    assertFalse(model.isLearning(), "the learning period ended before the export");
    List<Finding> findings = Events.observe(model, Captures.enip(capture));
    Events.print(capture, findings);
    return findings;
  }

  private static List<String> ids(Finding f) {
    return f.techniques().stream().map(Technique::id).toList();
  }

  /** One request from a host to a controller no session had reached: judged against all CIP learned here. */
  @Test
  void stopPlcIsAnUnseenSessionStartWithChangeOperatingMode() throws Exception {
    List<Finding> findings = analyse("EthernetIP_cip_stop_plc.pcap");
    assertEquals(1, findings.size());
    Finding stop = findings.get(0);
    assertEquals(List.of("unseen_session_start:MODE_CHANGE_STOP", "baseline:protocol", "operation_kind:mode_change"),
        stop.indicators());
    assertEquals(List.of("T0858"), ids(stop));
    assertTrue(stop.score() >= 0.6, "stopping a controller scores high: " + stop.score());
  }

  @Test
  void startPlcIsFlaggedToo() throws Exception {
    List<Finding> findings = analyse("EthernetIP_cip_start_plc.pcap");
    assertEquals(1, findings.size());
    assertEquals("unseen_session_start:MODE_CHANGE_RUN", findings.get(0).indicators().get(0));
    assertEquals(List.of("T0858"), ids(findings.get(0)));
  }

  /** The same station and controller as the normal capture, now downloading a program. */
  @Test
  void softwareDownloadIsFlaggedAsProgramDownloadAndModeChange() throws Exception {
    List<Finding> findings = analyse("openics_EIP-SoftwareDownload.pcap");
    assertTrue(findings.stream().allMatch(f -> f.indicators().contains("baseline:device")), "the controller has its own baseline");
    assertTrue(findings.stream().anyMatch(f -> f.indicators().get(0).endsWith("->PROGRAM_TRANSFER") && ids(f).contains("T0843")),
        "the program transfer is a never-seen step implying Program Download");
    assertTrue(findings.stream().anyMatch(f -> f.indicators().get(0).endsWith("->MODE_CHANGE_STOP") && ids(f).contains("T0858")),
        "the controller is stopped for the download");
    assertTrue(findings.size() <= 5 * 3, "findings stay bounded per session: " + findings.size());
  }
}
