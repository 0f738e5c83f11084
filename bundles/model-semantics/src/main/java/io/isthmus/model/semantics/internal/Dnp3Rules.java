package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Techniques.*;

import io.isthmus.api.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/** DNP3 application functions that matter whatever a baseline says (IEEE 1815 function codes 13-33). */
final class Dnp3Rules {
  private static final Hit COLD_RESTART = Hit.of("dnp3_restart", 0.9, "operation:COLD_RESTART",
      "sent a DNP3 cold restart (full reboot) to the outstation at",
      "The outstation reboots: while it is down, the breakers, pumps or valves it controls are neither "
          + "monitored nor controllable from the control room.",
      DEVICE_RESTART);
  private static final Hit WARM_RESTART = Hit.of("dnp3_restart", 0.8, "operation:WARM_RESTART",
      "sent a DNP3 warm restart to the outstation at",
      "The outstation restarts its application: monitoring and control through it pause until it is back.",
      DEVICE_RESTART);
  private static final Hit INITIALIZE_DATA = Hit.of("dnp3_initialize_data", 0.7, "operation:INITIALIZE_DATA",
      "reset to start-up values (INITIALIZE_DATA) the data of the DNP3 outstation at",
      "Resetting data to start-up values discards the device's current readings and settings.",
      DEVICE_RESTART);
  private static final Hit STOP_APPL = Hit.of("dnp3_stop_application", 0.85, "operation:STOP_APPL",
      "stopped an application (STOP_APPL) on the DNP3 outstation at",
      "A stopped application no longer performs its control or reporting function.",
      SERVICE_STOP);
  private static final Hit START_APPL = Hit.of("dnp3_start_application", 0.6, "operation:START_APPL",
      "started or re-initialised an application on the DNP3 outstation at",
      "Starting applications on a field device changes what runs on it.",
      CHANGE_PROGRAM_STATE);
  private static final Hit DELETE_FILE = Hit.of("dnp3_file_delete", 0.8, "operation:DELETE_FILE",
      "deleted a file (DELETE_FILE) on the DNP3 outstation at",
      "Deleting files on a field device can destroy its configuration, logs or event records.",
      DATA_DESTRUCTION);
  private static final Hit FILE = Hit.of("dnp3_file_transfer", 0.6, "dnp3_file_operation",
      "used DNP3 file transfer functions on the outstation at",
      "DNP3 file transfer moves configuration, firmware or log files to or from a field device; an "
          + "unexpected transfer can plant files or take data.",
      LATERAL_TOOL_TRANSFER);
  private static final Hit CONFIG = Hit.of("dnp3_configuration_change", 0.7, "dnp3_configuration_change",
      "saved or activated a configuration on the DNP3 outstation at",
      "Activating a configuration changes how the outstation behaves and what it reports.",
      MODIFY_PARAMETER);
  private static final Hit DISABLE_UNSOLICITED = Hit.of("dnp3_disable_unsolicited", 0.5,
      "operation:DISABLE_UNSOLICITED",
      "switched off unsolicited reporting (DISABLE_UNSOLICITED) of the DNP3 outstation at",
      "Without unsolicited reports, alarms and changes at the outstation reach the control room late "
          + "or not at all.",
      BLOCK_REPORTING);
  private static final Hit ENABLE_UNSOLICITED = Hit.of("dnp3_enable_unsolicited", 0.3, "operation:ENABLE_UNSOLICITED",
      "switched on unsolicited reporting (ENABLE_UNSOLICITED) of the DNP3 outstation at",
      "Control masters do this when they connect; from any other host it redirects or changes the "
          + "outstation's reporting.",
      UNAUTHORIZED_COMMAND, UNAUTHORIZED_MESSAGE_COMMAND);

  private Dnp3Rules() {}

  static @Nullable Hit classify(TelemetryEvent e) {
    return switch (e.operation()) {
      case "COLD_RESTART" -> COLD_RESTART;
      case "WARM_RESTART" -> WARM_RESTART;
      case "INITIALIZE_DATA" -> INITIALIZE_DATA;
      case "STOP_APPL" -> STOP_APPL;
      case "START_APPL", "INITIALIZE_APPL" -> START_APPL;
      case "DELETE_FILE" -> DELETE_FILE;
      case "OPEN_FILE", "CLOSE_FILE", "GET_FILE_INFO", "AUTHENTICATE_FILE", "ABORT_FILE" -> FILE;
      case "SAVE_CONFIG", "ACTIVATE_CONFIG" -> CONFIG;
      case "DISABLE_UNSOLICITED" -> DISABLE_UNSOLICITED;
      case "ENABLE_UNSOLICITED" -> ENABLE_UNSOLICITED;
      default -> null;
    };
  }
}
