package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Events.*;
import static org.junit.jupiter.api.Assertions.*;

import io.isthmus.api.detection.Finding;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each unconditional rule on a synthetic request: its rule id, techniques and a bounded score; fires while learning. */
class UnconditionalRulesTest {

  static Stream<Arguments> dangerous() {
    return Stream.of(
        Arguments.of("modbus", "DIAGNOSTICS", Map.of("request_subfunction_code", "Restart Communications Option"),
            "modbus_diagnostics_restart", "T0816"),
        Arguments.of("modbus", "DIAGNOSTICS", Map.of("request_subfunction_code", "Force Listen Only Mode"),
            "modbus_diagnostics_listen_only", "T0814,T0804"),
        Arguments.of("modbus", "DIAGNOSTICS", Map.of("request_subfunction_code", "Clear Counters and Diagnostic Register"),
            "modbus_diagnostics_clear_counters", "T0872"),
        Arguments.of("modbus", "DIAGNOSTICS", Map.of("request_subfunction_code", "Return Query Data"),
            "modbus_diagnostics", "T0888"),
        Arguments.of("modbus", "ENCAP_INTERFACE_TRANSPORT", Map.of("mei_type", "Read Device Identification",
            "device_id_code", 1), "modbus_device_identification", "T0888"),
        Arguments.of("modbus", "REPORT_SLAVE_ID", Map.of(), "modbus_device_identification", "T0888"),
        Arguments.of("modbus", "UMAS_STOP_PLC", Map.of(), "umas_stop_plc", "T0858,T0881"),
        Arguments.of("modbus", "UMAS_START_PLC", Map.of(), "umas_start_plc", "T0858,T0875"),
        Arguments.of("modbus", "UMAS_INITIALIZE_UPLOAD", Map.of(), "umas_program_download", "T0843"),
        Arguments.of("modbus", "UMAS_DOWNLOAD_BLOCK", Map.of(), "umas_program_upload", "T0845"),
        Arguments.of("modbus", "FIRMWARE_REPLACEMENT", Map.of(), "modbus_firmware_replacement", "T0857,T0800"),
        Arguments.of("dnp3", "COLD_RESTART", Map.of(), "dnp3_restart", "T0816"),
        Arguments.of("dnp3", "WARM_RESTART", Map.of(), "dnp3_restart", "T0816"),
        Arguments.of("dnp3", "STOP_APPL", Map.of(), "dnp3_stop_application", "T0881"),
        Arguments.of("dnp3", "OPEN_FILE", Map.of(), "dnp3_file_transfer", "T0867"),
        Arguments.of("dnp3", "DELETE_FILE", Map.of(), "dnp3_file_delete", "T0809"),
        Arguments.of("dnp3", "DISABLE_UNSOLICITED", Map.of(), "dnp3_disable_unsolicited", "T0804"),
        Arguments.of("dnp3", "ENABLE_UNSOLICITED", Map.of(), "dnp3_enable_unsolicited", "T0855,T1692.001"),
        Arguments.of("dnp3", "ACTIVATE_CONFIG", Map.of(), "dnp3_configuration_change", "T0836"),
        Arguments.of("enip", "FIRMWARE_UPDATE", Map.of(), "cip_firmware_update", "T0857,T0800"),
        Arguments.of("enip", "PROGRAM_TRANSFER", Map.of(), "cip_program_download", "T0843"),
        Arguments.of("enip", "FILE_INITIATE_UPLOAD", Map.of(), "cip_program_upload", "T0845"),
        Arguments.of("enip", "MODE_CHANGE_STOP", Map.of(), "cip_mode_stop", "T0858,T0881"),
        Arguments.of("enip", "MODE_CHANGE_RUN", Map.of(), "cip_mode_run", "T0858,T0875"),
        Arguments.of("enip", "DEVICE_RESET", Map.of(), "cip_device_reset", "T0816"),
        Arguments.of("enip", "SET_TCPIP_INTERFACE", Map.of(), "cip_network_config_change", "T0814,T0855,T1692.001"),
        Arguments.of("enip", "SET_ETHERNET_LINK", Map.of(), "cip_network_config_change", "T0814,T0855,T1692.001"),
        Arguments.of("enip", "SET_TIME", Map.of(), "cip_time_set", "T0855,T1692.001"),
        Arguments.of("bacnet", "DEVICE_COMMUNICATION_CONTROL", Map.of("device_state", "disable"),
            "bacnet_communication_disable", "T0814,T0804"),
        Arguments.of("bacnet", "DEVICE_COMMUNICATION_CONTROL", Map.of("device_state", "enable"),
            "bacnet_communication_enable", "T0855,T1692.001"),
        Arguments.of("bacnet", "REINITIALIZE_DEVICE", Map.of("device_state", "coldstart"), "bacnet_reinitialize", "T0816"),
        Arguments.of("bacnet", "REINITIALIZE_DEVICE", Map.of("device_state", "start-restore"), "bacnet_restore", "T0843"),
        Arguments.of("bacnet", "WRITE_PROPERTY", Map.of("priority", 1, "property", "present-value"),
            "bacnet_priority_write", "T0855,T1692.001,T0836"));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("dangerous")
  void firesEvenWhileLearning(String protocol, String operation, Map<String, Object> fields, String rule,
      String techniques) {
    Recorder r = Recorder.learning();
    List<Finding> found = r.observe(request(protocol, operation, HMI, fields, 1_000_000L));
    assertTrue(r.model.isLearning());
    Finding f = found.stream().filter(x -> x.indicators().get(0).equals(rule)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + rule + " in " + found));
    assertEquals(Arrays.asList(techniques.split(",")), ids(f));
    assertTrue(f.score() > 0 && f.score() <= 1);
    assertEquals(DEVICE, f.device().ip());
    assertEquals(HMI, f.peer().ip());
    assertTrue(f.explanation().startsWith("Host " + HMI + " "), f.explanation());
    assertTrue(f.explanation().contains(DEVICE), f.explanation());
    assertEquals(1, f.evidence().size());
  }

  @Test
  void priorityScoresFollowTheBacnetPriorityLevels() {
    double lifeSafety = Recorder.live().observe(request("bacnet", "WRITE_PROPERTY", HMI, Map.of("priority", 2), 1))
        .get(0).score();
    double operator = Recorder.live().observe(request("bacnet", "WRITE_PROPERTY", HMI, Map.of("priority", 8), 1))
        .stream().filter(f -> f.indicators().contains("bacnet_priority_write:8")).findFirst().orElseThrow().score();
    assertTrue(lifeSafety > operator, lifeSafety + " vs " + operator);
  }

  @Test
  void ordinaryTrafficAndResponsesRaiseNothing() {
    Recorder r = Recorder.live();
    assertEquals(List.of(), r.observe(
        request("modbus", "READ_HOLDING_REGISTERS", HMI),
        request("dnp3", "READ", HMI),
        request("enip", "GET_ATTRIBUTE_LIST", HMI),
        request("bacnet", "READ_PROPERTY", HMI),
        request("modbus", "ENCAP_INTERFACE_TRANSPORT", HMI, Map.of("mei_type", "CANopen"), 1),
        response("modbus", "UMAS_STOP_PLC"),
        response("enip", "MODE_CHANGE_STOP"),
        response("dnp3", "COLD_RESTART")));
  }
}
