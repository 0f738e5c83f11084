package io.isthmus.model.sequence.internal;

import java.util.Locale;

/** What an operation does to a device, read from its name across protocols (Modbus, UMAS, CIP, DNP3, BACnet, MQTT). */
enum OperationKind {
  READ, WRITE, MODE_CHANGE, DOWNLOAD, UPLOAD, RESTART, FIRMWARE;

  static OperationKind of(String operation) {
    String op = operation.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    if (op.contains("FIRMWARE")) {
      return FIRMWARE;
    }
    if (op.contains("DOWNLOAD") || op.contains("PROGRAM_TRANSFER")) {
      return DOWNLOAD;
    }
    if (op.contains("UPLOAD")) {
      return UPLOAD;
    }
    if (op.contains("RESTART") || op.contains("RESET") || op.contains("INITIALIZE") || op.contains("LISTEN_ONLY")) {
      return RESTART;
    }
    if (op.contains("STOP") || op.contains("START") || op.contains("_RUN")) {
      return MODE_CHANGE;
    }
    if (op.contains("WRITE") || op.startsWith("SET_") || op.contains("OPERATE") || op.startsWith("SELECT")
        || op.startsWith("CREATE") || op.startsWith("DELETE") || op.startsWith("APPLY") || op.contains("FORCE")
        || op.startsWith("MASK_") || op.contains("COMMUNICATION_CONTROL") || op.startsWith("ACTIVATE")
        || op.startsWith("SAVE") || op.contains("ABLE_UNSOLICITED") || op.startsWith("ASSIGN_CLASS")) {
      return WRITE;
    }
    return READ;
  }

  /** Changes the device or what it runs (everything but reading). */
  boolean changes() {
    return this != READ && this != UPLOAD;
  }

  /** Stops, reprograms or restarts the device: never routine enough to wait for statistics. */
  boolean disruptive() {
    return this == MODE_CHANGE || this == DOWNLOAD || this == RESTART || this == FIRMWARE;
  }

  /** How much the kind alone raises the score: stopping or reprogramming a controller is never routine noise. */
  double impact() {
    return switch (this) {
      case MODE_CHANGE, DOWNLOAD, RESTART, FIRMWARE -> 0.6;
      case WRITE, UPLOAD -> 0.3;
      case READ -> 0.0;
    };
  }
}
