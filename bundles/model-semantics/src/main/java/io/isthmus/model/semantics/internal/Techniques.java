package io.isthmus.model.semantics.internal;

import io.isthmus.api.detection.Technique;

/**
 * The MITRE ATT&CK for ICS techniques the rules cite, with the tactic each is listed under in the
 * ICS matrix. ATT&CK's 2026 release folds Unauthorized Command Message (T0855) into T1692.001,
 * so command findings carry both ids.
 */
final class Techniques {
  static final String IMPAIR = "Impair Process Control";
  static final String INHIBIT = "Inhibit Response Function";

  static final Technique UNAUTHORIZED_COMMAND = new Technique("T0855", "Unauthorized Command Message", IMPAIR);
  static final Technique UNAUTHORIZED_MESSAGE_COMMAND =
      new Technique("T1692.001", "Unauthorized Message: Command Message", IMPAIR);
  static final Technique MODIFY_PARAMETER = new Technique("T0836", "Modify Parameter", IMPAIR);
  static final Technique ROGUE_MASTER = new Technique("T0848", "Rogue Master", "Initial Access");
  static final Technique DEVICE_RESTART = new Technique("T0816", "Device Restart/Shutdown", INHIBIT);
  static final Technique DENIAL_OF_SERVICE = new Technique("T0814", "Denial of Service", INHIBIT);
  static final Technique BLOCK_REPORTING = new Technique("T0804", "Block Reporting Message", INHIBIT);
  static final Technique SERVICE_STOP = new Technique("T0881", "Service Stop", INHIBIT);
  static final Technique DATA_DESTRUCTION = new Technique("T0809", "Data Destruction", INHIBIT);
  static final Technique FIRMWARE_UPDATE_MODE = new Technique("T0800", "Activate Firmware Update Mode", INHIBIT);
  static final Technique INDICATOR_REMOVAL = new Technique("T0872", "Indicator Removal on Host", "Evasion");
  static final Technique CHANGE_OPERATING_MODE = new Technique("T0858", "Change Operating Mode", "Execution");
  static final Technique CHANGE_PROGRAM_STATE = new Technique("T0875", "Change Program State", "Execution");
  static final Technique PROGRAM_DOWNLOAD = new Technique("T0843", "Program Download", "Lateral Movement");
  static final Technique LATERAL_TOOL_TRANSFER = new Technique("T0867", "Lateral Tool Transfer", "Lateral Movement");
  static final Technique PROGRAM_UPLOAD = new Technique("T0845", "Program Upload", "Collection");
  static final Technique SYSTEM_FIRMWARE = new Technique("T0857", "System Firmware", "Persistence");
  static final Technique REMOTE_SYSTEM_DISCOVERY = new Technique("T0846", "Remote System Discovery", "Discovery");
  static final Technique REMOTE_SYSTEM_INFORMATION_DISCOVERY =
      new Technique("T0888", "Remote System Information Discovery", "Discovery");

  private Techniques() {}
}
