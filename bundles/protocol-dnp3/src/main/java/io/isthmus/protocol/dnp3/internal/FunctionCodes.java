package io.isthmus.protocol.dnp3.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Application-layer function codes and internal indications (IEEE 1815 clause 4.2.2.5 and 4.2.2.6). */
final class FunctionCodes {
  static final int CONFIRM = 0x00;
  static final int READ = 0x01;
  static final int IMMED_FREEZE = 0x07;
  static final int FREEZE_AT_TIME_NR = 0x0c;
  static final int ENABLE_UNSOLICITED = 0x14;
  static final int DISABLE_UNSOLICITED = 0x15;
  static final int ASSIGN_CLASS = 0x16;
  static final int RESPONSE = 0x81;
  static final int UNSOLICITED_RESPONSE = 0x82;
  static final int AUTHENTICATE_RESP = 0x83;

  private static final String[] REQUESTS = {
      "CONFIRM", "READ", "WRITE", "SELECT", "OPERATE", "DIRECT_OPERATE", "DIRECT_OPERATE_NR", "IMMED_FREEZE",
      "IMMED_FREEZE_NR", "FREEZE_CLEAR", "FREEZE_CLEAR_NR", "FREEZE_AT_TIME", "FREEZE_AT_TIME_NR", "COLD_RESTART",
      "WARM_RESTART", "INITIALIZE_DATA", "INITIALIZE_APPL", "START_APPL", "STOP_APPL", "SAVE_CONFIG",
      "ENABLE_UNSOLICITED", "DISABLE_UNSOLICITED", "ASSIGN_CLASS", "DELAY_MEASURE", "RECORD_CURRENT_TIME",
      "OPEN_FILE", "CLOSE_FILE", "DELETE_FILE", "GET_FILE_INFO", "AUTHENTICATE_FILE", "ABORT_FILE",
      "ACTIVATE_CONFIG", "AUTHENTICATE_REQ", "AUTHENTICATE_REQ_NR"};
  private static final String[] RESPONSES = {"RESPONSE", "UNSOLICITED_RESPONSE", "AUTHENTICATE_RESP"};

  private static final String[] IIN1 = {"ALL_STATIONS", "CLASS_1_EVENTS", "CLASS_2_EVENTS", "CLASS_3_EVENTS",
      "NEED_TIME", "LOCAL_CONTROL", "DEVICE_TROUBLE", "DEVICE_RESTART"};
  private static final String[] IIN2 = {"NO_FUNC_CODE_SUPPORT", "OBJECT_UNKNOWN", "PARAMETER_ERROR",
      "EVENT_BUFFER_OVERFLOW", "ALREADY_EXECUTING", "CONFIG_CORRUPT", "RESERVED_2", "RESERVED_1"};

  private FunctionCodes() {}

  /** The standard name, or {@code null} for a reserved code. */
  static @Nullable String known(int code) {
    if (code >= 0 && code < REQUESTS.length) {
      return REQUESTS[code];
    }
    if (code >= RESPONSE && code <= AUTHENTICATE_RESP) {
      return RESPONSES[code - RESPONSE];
    }
    return null;
  }

  /** The name as ICSNPP's logs and our events spell it: reserved codes as {@code unknown-<hex>}. */
  static String name(int code) {
    String known = known(code);
    return known != null ? known : "unknown-" + Integer.toHexString(code);
  }

  /** The name as Zeek's stock {@code dnp3.log} spells it: reserved codes as {@code unknown-<decimal>}. */
  static String zeekName(int code) {
    String known = known(code);
    return known != null ? known : "unknown-" + code;
  }

  static boolean isResponse(int code) {
    return code >= RESPONSE && code <= AUTHENTICATE_RESP;
  }

  /**
   * Whether objects under a header of {@code group} carry data in a fragment with this function:
   * READ and the class, freeze and unsolicited-control requests name points without values (a
   * freeze-at-time request's time object excepted), and class objects (group 60) never have data.
   */
  static boolean carriesData(int code, int group) {
    if (group == 60) {
      return false;
    }
    if (code == READ || code == ENABLE_UNSOLICITED || code == DISABLE_UNSOLICITED || code == ASSIGN_CLASS) {
      return false;
    }
    if (code >= IMMED_FREEZE && code <= FREEZE_AT_TIME_NR) {
      return group == 50;
    }
    return true;
  }

  /** Names of the internal indication bits set in {@code iin} (IIN1 in the high octet, IIN2 in the low). */
  static List<String> iinFlags(int iin) {
    List<String> flags = new ArrayList<>();
    for (int bit = 0; bit < 8; bit++) {
      if ((iin >> 8 & 1 << bit) != 0) {
        flags.add(IIN1[bit]);
      }
    }
    for (int bit = 0; bit < 8; bit++) {
      if ((iin & 1 << bit) != 0) {
        flags.add(IIN2[bit]);
      }
    }
    return flags;
  }
}
