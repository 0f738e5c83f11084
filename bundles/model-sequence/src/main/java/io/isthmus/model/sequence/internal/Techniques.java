package io.isthmus.model.sequence.internal;

import io.isthmus.api.detection.Technique;
import java.util.List;

/**
 * The ATT&CK for ICS techniques a sequence implies (ids, names and tactics as on
 * attack.mitre.org/matrices/ics). Decided by what the unusual operation does and what the
 * session did before it: a program download in a session that also changed the controller's
 * mode is the classic stop, download, start.
 */
final class Techniques {
  static final Technique PROGRAM_DOWNLOAD = new Technique("T0843", "Program Download", "Lateral Movement");
  static final Technique CHANGE_OPERATING_MODE = new Technique("T0858", "Change Operating Mode", "Execution");
  static final Technique UNAUTHORIZED_COMMAND = new Technique("T0855", "Unauthorized Command Message", "Impair Process Control");
  static final Technique MODIFY_PARAMETER = new Technique("T0836", "Modify Parameter", "Impair Process Control");
  static final Technique DEVICE_RESTART = new Technique("T0816", "Device Restart/Shutdown", "Inhibit Response Function");
  static final Technique SYSTEM_FIRMWARE = new Technique("T0857", "System Firmware", "Inhibit Response Function");
  static final Technique PROGRAM_UPLOAD = new Technique("T0845", "Program Upload", "Collection");

  private Techniques() {}

  /** Techniques for an unusual {@code kind} of operation, given the session before it. */
  static List<Technique> of(OperationKind kind, Session before) {
    return switch (kind) {
      case DOWNLOAD -> before.saw(OperationKind.MODE_CHANGE)
          ? List.of(PROGRAM_DOWNLOAD, CHANGE_OPERATING_MODE) : List.of(PROGRAM_DOWNLOAD);
      case MODE_CHANGE -> before.saw(OperationKind.DOWNLOAD)
          ? List.of(CHANGE_OPERATING_MODE, PROGRAM_DOWNLOAD) : List.of(CHANGE_OPERATING_MODE);
      case RESTART -> List.of(DEVICE_RESTART);
      case FIRMWARE -> List.of(SYSTEM_FIRMWARE);
      case UPLOAD -> List.of(PROGRAM_UPLOAD);
      // A command out of a history of reads is the textbook unauthorized command; among other
      // changes it is more likely a parameter being altered.
      case WRITE -> before.readOnlySoFar() ? List.of(UNAUTHORIZED_COMMAND) : List.of(MODIFY_PARAMETER);
      case READ -> List.of();
    };
  }
}
