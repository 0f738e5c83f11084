package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Events.ids;
import static org.junit.jupiter.api.Assertions.*;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.TelemetryEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Real captures through the real decoders into the model. */
class CaptureTest {

  private static List<Finding> live(String capture) throws IOException {
    Events.Recorder r = Events.Recorder.live();
    return r.observe(Captures.events(capture));
  }

  private static Finding only(List<Finding> findings, String rule) {
    List<Finding> matching = findings.stream().filter(f -> f.indicators().get(0).equals(rule)).toList();
    assertEquals(1, matching.size(), rule + " in " + rules(findings));
    return matching.get(0);
  }

  private static Map<String, Long> rules(List<Finding> findings) {
    return findings.stream().collect(Collectors.groupingBy(f -> f.indicators().get(0), Collectors.counting()));
  }

  @Test
  void cipStopPlcIsAModeChangeToStop() throws IOException {
    List<Finding> found = live("EthernetIP_cip_stop_plc.pcap");
    Finding stop = only(found, "cip_mode_stop");
    assertEquals(List.of("T0858", "T0881"), ids(stop));
    assertEquals("192.168.1.30", stop.device().ip());
    assertEquals("192.168.1.69", stop.peer().ip());
    assertEquals("Execution", stop.techniques().get(0).tactic());
    assertEquals(1, found.size(), rules(found).toString());
  }

  @Test
  void cipStartPlcIsAModeChangeToRun() throws IOException {
    assertEquals(List.of("T0858", "T0875"), ids(only(live("EthernetIP_cip_start_plc.pcap"), "cip_mode_run")));
  }

  @Test
  void softwareDownloadIsAProgramDownloadBetweenStopAndRun() throws IOException {
    List<Finding> found = live("openics_EIP-SoftwareDownload.pcap");
    Finding download = only(found, "cip_program_download");
    assertEquals(List.of("T0843"), ids(download));
    assertEquals("Lateral Movement", download.techniques().get(0).tactic());
    assertEquals("192.168.10.120", download.device().ip());
    only(found, "cip_mode_stop");
    only(found, "cip_mode_run");
    only(found, "cip_time_set");
    Finding stop = only(found, "cip_mode_stop");
    assertTrue(stop.timeMicros() < download.timeMicros(), "the controller is stopped before the download");
    assertTrue(found.size() <= 8, "rate limit keeps 19 transfers and 55 writes to a few findings: " + rules(found));
  }

  @Test
  void dnp3DirectOperateFromANewMasterIsAnUnauthorizedCommand() throws IOException {
    Finding f = only(live("dnp3_directoperate_and_response.pcap"), "dnp3_control_from_new_master");
    assertEquals(List.of("T0855", "T1692.001", "T0848"), ids(f));
    assertTrue(f.indicators().contains("operation:DIRECT_OPERATE"));
    assertEquals("192.168.60.130", f.device().ip());
    assertEquals("192.168.60.1", f.peer().ip());
  }

  @Test
  void dnp3SelectOperateFromANewMasterIsAnUnauthorizedCommand() throws IOException {
    Finding f = only(live("dnp3_select_operate_and_responses.pcap"), "dnp3_control_from_new_master");
    assertEquals(List.of("T0855", "T1692.001", "T0848"), ids(f));
    assertTrue(f.indicators().contains("operation:SELECT"));
  }

  @Test
  void dnp3DirectOperateFromTheMasterLearnedPollingIsNotFlagged() throws IOException {
    Events.Recorder r = Events.Recorder.learning();
    assertEquals(List.of(), r.observe(Captures.events("dnp3_read_and_response.pcap")));
    r.model.endLearning();
    assertEquals(List.of(), r.observe(Captures.events("dnp3_directoperate_and_response.pcap")));
  }

  @Test
  void dnp3UnsolicitedControlIsReported() throws IOException {
    List<Finding> found = live("dnp3_full_exchange.pcap");
    assertEquals(List.of("T0804"), ids(only(found, "dnp3_disable_unsolicited")));
    only(found, "dnp3_enable_unsolicited");
  }

  @Test
  void bacnetCommunicationControlReinitializeAndPriorityWrites() throws IOException {
    List<Finding> found = live("bacnet_services.pcap");
    assertEquals(List.of("T0814", "T0804"), ids(only(found, "bacnet_communication_disable")));
    assertEquals(List.of("T0816"), ids(only(found, "bacnet_reinitialize")));
    Finding priority = found.stream().filter(f -> f.indicators().get(0).equals("bacnet_priority_write")).findFirst()
        .orElseThrow();
    assertTrue(priority.indicators().stream().anyMatch(i -> i.startsWith("bacnet_priority_write:")));
    assertTrue(found.stream().anyMatch(f -> f.indicators().contains("bacnet_priority_write:1") && f.score() >= 0.85),
        "a priority-1 write after a priority-10 one escalates past the rate limit");
  }

  /** Our own attack traffic: a normal master (learned), then an attacker doing one thing after another. */
  @Test
  void modbusAttacksAfterANormalMaster() throws IOException {
    List<TelemetryEvent> events = Captures.events("modbus_attacks.pcapng");
    int attack = 0;
    while (!events.get(attack).source().ip().equals("127.0.0.66")) {
      attack++;
    }
    Events.Recorder r = Events.Recorder.learning();
    assertEquals(List.of(), r.observe(events.subList(0, attack)));
    r.model.endLearning();
    List<Finding> found = r.observe(events.subList(attack, events.size()));
    assertEquals(List.of("T0888"), ids(only(found, "modbus_device_identification")));
    assertEquals(List.of("T0816"), ids(only(found, "modbus_diagnostics_restart")));
    assertEquals(List.of("T0814", "T0804"), ids(only(found, "modbus_diagnostics_listen_only")));
    assertEquals(List.of("T0846"), ids(only(found, "modbus_unit_id_sweep")));
    assertEquals(List.of("T0888"), ids(only(found, "modbus_function_code_sweep")));
    assertEquals(List.of("T0858", "T0881"), ids(only(found, "umas_stop_plc")));
    assertEquals(List.of("T0843"), ids(only(found, "umas_program_download")));
    assertEquals(List.of("T0858", "T0875"), ids(only(found, "umas_start_plc")));
    Finding writer = only(found, "new_writer");
    assertEquals("127.0.0.66", writer.peer().ip());
    assertTrue(found.stream().allMatch(f -> f.peer().ip().equals("127.0.0.66")), rules(found).toString());
    assertEquals(9, found.size(), rules(found).toString());
  }

  /** Learn on the first half of a normal polling capture, analyse the second: at most 1 finding per 10,000 events. */
  @Test
  void normalPollingRaisesNothingAfterLearning() throws IOException {
    List<TelemetryEvent> events = Captures.events("modbus_polling_ModbusTCP.pcap");
    int half = events.size() / 2;
    Events.Recorder r = Events.Recorder.learning();
    List<Finding> whileLearning = r.observe(events.subList(0, half));
    r.model.endLearning();
    List<Finding> after = r.observe(events.subList(half, events.size()));
    System.out.printf("modbus_polling_ModbusTCP: learned on %d events (%d findings), analysed %d: %d findings%n",
        half, whileLearning.size(), events.size() - half, after.size());
    assertTrue(events.size() > 10_000, "events " + events.size());
    assertEquals(List.of(), whileLearning);
    assertEquals(List.of(), after);
  }

  @Test
  void anotherNormalCaptureStaysQuietAfterLearning() throws IOException {
    List<TelemetryEvent> events = Captures.events("modbus_test.pcap");
    int half = events.size() / 2;
    Events.Recorder r = Events.Recorder.learning();
    r.observe(events.subList(0, half));
    r.model.endLearning();
    List<Finding> after = r.observe(events.subList(half, events.size()));
    System.out.printf("modbus_test: analysed %d events after learning: %d findings %s%n", events.size() - half,
        after.size(), rules(after));
    assertTrue(after.size() * 10_000L <= events.size() - half, rules(after).toString());
  }
}
