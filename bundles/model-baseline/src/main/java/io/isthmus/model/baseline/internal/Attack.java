package io.isthmus.model.baseline.internal;

import io.isthmus.api.detection.Technique;

/** The MITRE ATT&CK for ICS techniques the baseline's indicators point to (ids checked against the ICS matrix). */
final class Attack {
  static final Technique UNAUTHORIZED_COMMAND =
      new Technique("T0855", "Unauthorized Command Message", "Impair Process Control");
  static final Technique MODIFY_PARAMETER = new Technique("T0836", "Modify Parameter", "Impair Process Control");
  static final Technique POINT_TAG_IDENTIFICATION =
      new Technique("T0861", "Point & Tag Identification", "Collection");
  static final Technique ROGUE_MASTER = new Technique("T0848", "Rogue Master", "Initial Access");
  static final Technique DENIAL_OF_SERVICE = new Technique("T0814", "Denial of Service", "Inhibit Response Function");
  static final Technique BRUTE_FORCE_IO = new Technique("T0806", "Brute Force I/O", "Impair Process Control");
  static final Technique CHANGE_OPERATING_MODE = new Technique("T0858", "Change Operating Mode", "Execution");
  static final Technique DEVICE_RESTART =
      new Technique("T0816", "Device Restart/Shutdown", "Inhibit Response Function");
  static final Technique SYSTEM_FIRMWARE = new Technique("T0857", "System Firmware", "Persistence");
  static final Technique PROGRAM_DOWNLOAD = new Technique("T0843", "Program Download", "Lateral Movement");
  static final Technique PROGRAM_UPLOAD = new Technique("T0845", "Program Upload", "Collection");
  static final Technique REMOTE_SYSTEM_DISCOVERY = new Technique("T0846", "Remote System Discovery", "Discovery");

  private Attack() {}

  /** The technique an operation never seen before most likely serves. */
  static Technique forOperation(String op) {
    if (op.contains("FIRMWARE")) {
      return SYSTEM_FIRMWARE;
    }
    if (op.contains("RESTART") || op.contains("RESET") || op.contains("SHUTDOWN")) {
      return DEVICE_RESTART;
    }
    if (op.contains("STOP") || op.contains("START") || op.contains("RUN") || op.contains("MODE")) {
      return CHANGE_OPERATING_MODE;
    }
    if (op.contains("DOWNLOAD") || op.contains("PROGRAM")) {
      return PROGRAM_DOWNLOAD;
    }
    if (op.contains("UPLOAD")) {
      return PROGRAM_UPLOAD;
    }
    return UNAUTHORIZED_COMMAND;
  }
}
