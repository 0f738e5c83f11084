package io.isthmus.model.semantics.internal;

import static io.isthmus.model.semantics.internal.Techniques.*;

import io.isthmus.api.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/** CIP (EtherNet/IP) services that matter whatever a baseline says, by the operation names the decoder gives them. */
final class CipRules {
  private static final Hit FIRMWARE = Hit.of("cip_firmware_update", 0.95, "operation:FIRMWARE_UPDATE",
      "sent firmware update commands to the device at",
      "New firmware replaces the device's own software; a malicious image gives an attacker lasting "
          + "control of it, and a failed one disables it.",
      SYSTEM_FIRMWARE, FIRMWARE_UPDATE_MODE);
  private static final Hit PROGRAM_IN = Hit.of("cip_program_download", 0.9, "cip_program_transfer",
      "transferred control program content to the controller at",
      "Loading program content into a controller changes what the physical process does; it is how "
          + "attackers plant malicious logic.",
      PROGRAM_DOWNLOAD);
  private static final Hit PROGRAM_OUT = Hit.of("cip_program_upload", 0.6, "cip_file_upload",
      "read a program or file out of the device at",
      "Copying a controller's program or files reveals how the process works, a common step before an attack.",
      PROGRAM_UPLOAD);
  private static final Hit STOP = Hit.of("cip_mode_stop", 0.9, "operation:MODE_CHANGE_STOP",
      "switched to program/stop mode the controller at",
      "A stopped controller no longer runs its control logic, so the machinery it drives stops or is "
          + "left in whatever state it was in; attackers stop a controller before replacing its program.",
      CHANGE_OPERATING_MODE, SERVICE_STOP);
  private static final Hit RUN = Hit.of("cip_mode_run", 0.7, "operation:MODE_CHANGE_RUN",
      "switched to run mode the controller at",
      "Switching to run executes whatever program the controller now holds; after a stop or a program "
          + "change this puts possibly altered logic in charge of the process.",
      CHANGE_OPERATING_MODE, CHANGE_PROGRAM_STATE);
  private static final Hit DEVICE_RESET = Hit.of("cip_device_reset", 0.9, "operation:DEVICE_RESET",
      "reset (rebooted) the device at",
      "While the device restarts, what it controls is neither monitored nor controllable.",
      DEVICE_RESTART);
  private static final Hit OBJECT_RESET = Hit.of("cip_object_reset", 0.5, "operation:RESET",
      "reset a CIP object on the device at",
      "Resetting objects on a controller restores them to defaults and can interrupt their function.",
      DEVICE_RESTART);
  private static final Hit OBJECT_STOP = Hit.of("cip_object_stop", 0.6, "operation:STOP",
      "stopped a CIP object on the device at",
      "Stopping an object halts the function it provides on the device.",
      SERVICE_STOP);
  private static final Hit NETWORK = Hit.of("cip_network_config_change", 0.8, "cip_network_config_change",
      "changed the network settings (TCP/IP or Ethernet link) of the device at",
      "Changing a device's address or link settings can cut it off from its control system, or route "
          + "its traffic somewhere else.",
      DENIAL_OF_SERVICE, UNAUTHORIZED_COMMAND, UNAUTHORIZED_MESSAGE_COMMAND);
  private static final Hit TIME = Hit.of("cip_time_set", 0.5, "operation:SET_TIME",
      "set the clock of the device at",
      "A changed clock scrambles the device's event and alarm timeline, which hides what happened when, "
          + "and can upset time-scheduled logic.",
      UNAUTHORIZED_COMMAND, UNAUTHORIZED_MESSAGE_COMMAND);

  private CipRules() {}

  static @Nullable Hit classify(TelemetryEvent e) {
    return switch (e.operation()) {
      case "FIRMWARE_UPDATE" -> FIRMWARE;
      case "PROGRAM_TRANSFER", "FILE_INITIATE_DOWNLOAD", "FILE_DOWNLOAD_TRANSFER" -> PROGRAM_IN;
      case "FILE_INITIATE_UPLOAD", "FILE_UPLOAD_TRANSFER" -> PROGRAM_OUT;
      case "MODE_CHANGE_STOP" -> STOP;
      case "MODE_CHANGE_RUN" -> RUN;
      case "DEVICE_RESET" -> DEVICE_RESET;
      case "RESET" -> OBJECT_RESET;
      case "STOP" -> OBJECT_STOP;
      case "SET_TCPIP_INTERFACE", "SET_ETHERNET_LINK" -> NETWORK;
      case "SET_TIME" -> TIME;
      default -> null;
    };
  }
}
