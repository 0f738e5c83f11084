package io.isthmus.protocol.dnp3.internal;

import org.jspecify.annotations.Nullable;

/**
 * One control object: a control relay output block (g12v1), a pattern control block (g12v2) or
 * an analog output block (g41v1-4).
 *
 * @param index the point index: from the object's prefix or its place in the range, -1 if unknown
 * @param prefix the object's prefix value, 0 without a prefix (what ICSNPP logs as index_number)
 * @param controlCode the control code octet (CROB and PCB)
 * @param value the commanded analog value (analog output blocks), otherwise {@code null}
 * @param status the status octet (its low 7 bits are the status code)
 */
record ControlBlock(int group, int variation, long index, long prefix, int controlCode, int count, long onTime,
    long offTime, @Nullable Number value, int status) {

  static final String CROB = "Control Relay Output Block";
  static final String PCB = "Pattern Control Block";
  static final String AOB = "Analog Output Block";

  String blockType() {
    return group == 41 ? AOB : variation == 2 ? PCB : CROB;
  }

  boolean isAnalog() {
    return group == 41;
  }

  /** Trip-close code, bits 6-7 of the control code, as ICSNPP names it. */
  String tripControlCode() {
    return switch (controlCode >> 6 & 0x03) {
      case 0 -> "Nul";
      case 1 -> "Close";
      case 2 -> "Trip";
      default -> "unknown-3";
    };
  }

  /** Operation type, bits 0-3 of the control code, as ICSNPP names it. */
  String operationType() {
    return switch (controlCode & 0x0f) {
      case 0 -> "Nul";
      case 1 -> "Pulse On";
      case 2 -> "Pulse Off";
      case 3 -> "Latch On";
      case 4 -> "Latch Off";
      default -> "unknown-" + Integer.toHexString(controlCode & 0x0f);
    };
  }

  boolean clear() {
    return (controlCode & 0x20) != 0;
  }

  /** The status code as ICSNPP names it (IEEE 1815 Table 11-7). */
  String statusName() {
    return statusName(status);
  }

  static String statusName(int status) {
    return switch (status) {
      case 0 -> "Success";
      case 1 -> "Timeout";
      case 2 -> "No Select";
      case 3 -> "Format Error";
      case 4 -> "Not Supported";
      case 5 -> "Latch Off";
      case 6 -> "Already Active";
      case 7 -> "Hardware Error";
      case 8 -> "Too Many Objs";
      case 9 -> "Not Authorized";
      case 10 -> "Automation Inhibit";
      case 11 -> "Processing Limited";
      case 12 -> "Out of Range";
      case 0x7e -> "Non Participating";
      case 0x7f -> "Undefined";
      default -> "unknown-" + Integer.toHexString(status);
    };
  }
}
