package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Techniques.*;

import io.isthmus.api.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/**
 * Modbus/TCP operations that matter whatever a baseline says: diagnostics that restart or silence
 * a device, device identification, and Schneider UMAS (function 90) stop/start and program
 * transfers. UMAS names its transfers from the PLC's side: an "upload" copies a program from the
 * engineering station into the PLC (ATT&CK's Program Download), a "download" reads it out.
 */
final class ModbusRules {
  private static final String RESTART = "Restart Communications Option";
  private static final String LISTEN_ONLY = "Force Listen Only Mode";
  private static final String CLEAR_COUNTERS = "Clear Counters and Diagnostic Register";
  private static final String CLEAR_OVERRUN = "Clear Overrun Counter and Flag";

  private static final Hit STOP = Hit.of("umas_stop_plc", 0.95, "operation:UMAS_STOP_PLC",
      "sent a Schneider UMAS 'stop PLC' command to the controller at",
      "A stopped controller no longer runs its control logic, so the machinery it drives stops or is left "
          + "in whatever state it was in; attackers stop a PLC before replacing its program.",
      CHANGE_OPERATING_MODE, SERVICE_STOP);
  private static final Hit START = Hit.of("umas_start_plc", 0.7, "operation:UMAS_START_PLC",
      "sent a Schneider UMAS 'start PLC' command to the controller at",
      "Starting a controller runs whatever program it now holds; after an unplanned stop or program "
          + "change this puts possibly altered logic in charge of the process.",
      CHANGE_OPERATING_MODE, CHANGE_PROGRAM_STATE);
  private static final Hit PROGRAM_IN = Hit.of("umas_program_download", 0.9, "umas_transfer:to_plc",
      "transferred a control program (UMAS strategy upload, engineering station to PLC) to the controller at",
      "Loading a new program into a controller changes what the physical process does; it is how "
          + "attackers plant malicious logic.",
      PROGRAM_DOWNLOAD);
  private static final Hit PROGRAM_OUT = Hit.of("umas_program_upload", 0.6, "umas_transfer:from_plc",
      "read the control program (UMAS strategy download, PLC to engineering station) out of the controller at",
      "Copying a controller's program reveals how the process works and is a common step before "
          + "crafting an attack against it.",
      PROGRAM_UPLOAD);
  private static final Hit DIAG_RESTART = Hit.of("modbus_diagnostics_restart", 0.85,
      "modbus_diagnostics:restart_communications", "sent a Modbus 'restart communications' diagnostic to the device at",
      "The device restarts its communications (and may reboot), interrupting monitoring and control "
          + "while it comes back.",
      DEVICE_RESTART);
  private static final Hit DIAG_LISTEN_ONLY = Hit.of("modbus_diagnostics_listen_only", 0.9,
      "modbus_diagnostics:force_listen_only", "put into Modbus 'listen only' mode the device at",
      "In listen-only mode the device stops answering anyone, so operators lose sight of it and commands "
          + "to it go unanswered until it is restarted.",
      DENIAL_OF_SERVICE, BLOCK_REPORTING);
  private static final Hit DIAG_CLEAR = Hit.of("modbus_diagnostics_clear_counters", 0.6,
      "modbus_diagnostics:clear_counters", "cleared the Modbus diagnostic and error counters of the device at",
      "Clearing counters erases the device's own record of errors and traffic, which can hide earlier "
          + "probing or attacks.",
      INDICATOR_REMOVAL);
  private static final Hit DIAG_OTHER = Hit.of("modbus_diagnostics", 0.3, "modbus_diagnostics:query",
      "sent Modbus diagnostic requests (function 8) to the device at",
      "Diagnostic requests are rarely part of normal polling; they are used to probe how a device "
          + "behaves and what state it is in.",
      REMOTE_SYSTEM_INFORMATION_DISCOVERY);
  private static final Hit IDENTIFY = Hit.of("modbus_device_identification", 0.4, "modbus_identification_request",
      "asked for the vendor, product and firmware identification of the device at",
      "Reading a device's identity is what scanners and attack tools do to find out which model and "
          + "firmware they face; normal control traffic does not need it.",
      REMOTE_SYSTEM_INFORMATION_DISCOVERY);
  private static final Hit FIRMWARE = Hit.of("modbus_firmware_replacement", 0.95, "modbus_fc:125",
      "sent a Modbus firmware replacement request (function 125) to the device at",
      "Replacing a controller's firmware can give an attacker permanent control of it or brick it.",
      SYSTEM_FIRMWARE, FIRMWARE_UPDATE_MODE);

  private ModbusRules() {}

  static @Nullable Hit classify(TelemetryEvent e) {
    return switch (e.operation()) {
      case "UMAS_STOP_PLC" -> STOP;
      case "UMAS_START_PLC" -> START;
      case "UMAS_INITIALIZE_UPLOAD", "UMAS_UPLOAD_BLOCK", "UMAS_END_STRATEGY_UPLOAD" -> PROGRAM_IN;
      case "UMAS_INITIALIZE_DOWNLOAD", "UMAS_DOWNLOAD_BLOCK", "UMAS_END_STRATEGY_DOWNLOAD" -> PROGRAM_OUT;
      case "DIAGNOSTICS" -> diagnostics(e);
      case "REPORT_SLAVE_ID" -> IDENTIFY;
      case "ENCAP_INTERFACE_TRANSPORT" -> e.fields().containsKey("device_id_code")
          || "Read Device Identification".equals(e.fields().get("mei_type")) ? IDENTIFY : null;
      case "FIRMWARE_REPLACEMENT" -> FIRMWARE;
      default -> null;
    };
  }

  private static Hit diagnostics(TelemetryEvent e) {
    Object sub = e.fields().get("request_subfunction_code");
    if (RESTART.equals(sub)) {
      return DIAG_RESTART;
    }
    if (LISTEN_ONLY.equals(sub)) {
      return DIAG_LISTEN_ONLY;
    }
    if (CLEAR_COUNTERS.equals(sub) || CLEAR_OVERRUN.equals(sub)) {
      return DIAG_CLEAR;
    }
    return DIAG_OTHER;
  }
}
