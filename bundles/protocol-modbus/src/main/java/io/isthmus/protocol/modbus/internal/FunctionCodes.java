package io.isthmus.protocol.modbus.internal;

/**
 * Modbus function codes by the names Zeek's Modbus analyzer (and so ICSNPP) logs them, with the
 * class of each: public (the specification's), vendor (machine or vendor specific codes Zeek
 * knows, such as 90 for Schneider's UMAS), user-defined (65-72, 100-110) or unassigned.
 */
final class FunctionCodes {
  static final int READ_COILS = 1;
  static final int READ_DISCRETE_INPUTS = 2;
  static final int READ_HOLDING_REGISTERS = 3;
  static final int READ_INPUT_REGISTERS = 4;
  static final int WRITE_SINGLE_COIL = 5;
  static final int WRITE_SINGLE_REGISTER = 6;
  static final int READ_EXCEPTION_STATUS = 7;
  static final int DIAGNOSTICS = 8;
  static final int GET_COMM_EVENT_COUNTER = 11;
  static final int GET_COMM_EVENT_LOG = 12;
  static final int WRITE_MULTIPLE_COILS = 15;
  static final int WRITE_MULTIPLE_REGISTERS = 16;
  static final int REPORT_SLAVE_ID = 17;
  static final int READ_FILE_RECORD = 20;
  static final int WRITE_FILE_RECORD = 21;
  static final int MASK_WRITE_REGISTER = 22;
  static final int READ_WRITE_MULTIPLE_REGISTERS = 23;
  static final int READ_FIFO_QUEUE = 24;
  static final int ENCAP_INTERFACE_TRANSPORT = 43;
  static final int PROGRAM_UNITY = 90;

  static final String PUBLIC = "public";
  static final String VENDOR = "vendor";
  static final String USER_DEFINED = "user_defined";
  static final String UNASSIGNED = "unassigned";

  private static final String[] NAMES = new String[128];
  private static final String[] CLASSES = new String[128];

  static {
    publicCode(1, "READ_COILS");
    publicCode(2, "READ_DISCRETE_INPUTS");
    publicCode(3, "READ_HOLDING_REGISTERS");
    publicCode(4, "READ_INPUT_REGISTERS");
    publicCode(5, "WRITE_SINGLE_COIL");
    publicCode(6, "WRITE_SINGLE_REGISTER");
    publicCode(7, "READ_EXCEPTION_STATUS");
    publicCode(8, "DIAGNOSTICS");
    publicCode(11, "GET_COMM_EVENT_COUNTER");
    publicCode(12, "GET_COMM_EVENT_LOG");
    publicCode(15, "WRITE_MULTIPLE_COILS");
    publicCode(16, "WRITE_MULTIPLE_REGISTERS");
    publicCode(17, "REPORT_SLAVE_ID");
    publicCode(20, "READ_FILE_RECORD");
    publicCode(21, "WRITE_FILE_RECORD");
    publicCode(22, "MASK_WRITE_REGISTER");
    publicCode(23, "READ_WRITE_MULTIPLE_REGISTERS");
    publicCode(24, "READ_FIFO_QUEUE");
    publicCode(43, "ENCAP_INTERFACE_TRANSPORT");
    publicCode(91, "OBJECT_MESSAGING");
    vendorCode(9, "PROGRAM_484");
    vendorCode(10, "POLL_484");
    vendorCode(13, "PROGRAM_584_984");
    vendorCode(14, "POLL_584_984");
    vendorCode(18, "PROGRAM_884_U84");
    vendorCode(19, "RESET_COMM_LINK_884_U84");
    vendorCode(40, "PROGRAM_CONCEPT");
    vendorCode(41, "MULTIPLE_FUNCTION_CODES");
    vendorCode(90, "PROGRAM_UNITY");
    vendorCode(125, "FIRMWARE_REPLACEMENT");
    vendorCode(126, "PROGRAM_584_984_2");
    vendorCode(127, "REPORT_LOCAL_ADDRESS");
    for (int code = 1; code < 128; code++) {
      if (NAMES[code] == null) {
        boolean user = code >= 65 && code <= 72 || code >= 100 && code <= 110;
        NAMES[code] = user ? "USER_DEFINED_" + code : "unknown-" + code;
        CLASSES[code] = user ? USER_DEFINED : UNASSIGNED;
      }
    }
    NAMES[0] = "unknown-0";
    CLASSES[0] = UNASSIGNED;
  }

  private FunctionCodes() {}

  private static void publicCode(int code, String name) {
    NAMES[code] = name;
    CLASSES[code] = PUBLIC;
  }

  private static void vendorCode(int code, String name) {
    NAMES[code] = name;
    CLASSES[code] = VENDOR;
  }

  /** The name of a function code 0-127. */
  static String name(int code) {
    return NAMES[code & 0x7f];
  }

  /** The operation of a PDU: the function's name, with {@code _EXCEPTION} for an exception response. */
  static String operation(int functionByte) {
    return OPERATIONS[functionByte & 0xff];
  }

  /** Zeek's {@code Modbus::function_codes[code]}: a known name, else {@code unknown-<code>} (any byte value). */
  static String zeekName(int code) {
    return ZEEK_NAMES[code & 0xff];
  }

  private static String computeZeekName(int code) {
    return code < 128 && !UNASSIGNED.equals(CLASSES[code]) && !USER_DEFINED.equals(CLASSES[code])
        ? NAMES[code] : "unknown-" + code;
  }

  /**
   * Zeek's {@code build_func}: the name of a function byte, {@code <NAME>_EXCEPTION} for an
   * exception to a known function, {@code unknown-<byte>} when the masked code has no name.
   */
  static String zeekFunc(int functionByte) {
    return ZEEK_FUNCS[functionByte & 0xff];
  }

  private static String computeZeekFunc(int functionByte) {
    int masked = functionByte & 0x7f;
    if (functionByte < 0x80 || zeekName(masked).startsWith("unknown-")) {
      return zeekName(functionByte);
    }
    return zeekName(masked) + "_EXCEPTION";
  }

  static String functionClass(int code) {
    return CLASSES[code & 0x7f];
  }

  /** {@link #zeekName}, {@link #zeekFunc} and {@link #operation} of every byte, made once: they are asked per PDU. */
  private static final String[] ZEEK_NAMES = new String[256];
  private static final String[] ZEEK_FUNCS = new String[256];
  private static final String[] OPERATIONS = new String[256];

  static {
    for (int b = 0; b < 256; b++) {
      ZEEK_NAMES[b] = computeZeekName(b);
      OPERATIONS[b] = b >= 0x80 ? name(b) + "_EXCEPTION" : name(b);
    }
    for (int b = 0; b < 256; b++) {
      ZEEK_FUNCS[b] = computeZeekFunc(b);
    }
  }
}
