package io.isthmus.protocol.modbus.internal;

import org.jspecify.annotations.Nullable;

/**
 * The names Zeek and ICSNPP give to exception codes, diagnostic sub-functions, MEI types and
 * device identification objects, and those the public UMAS write-ups give to its codes.
 */
final class ModbusTables {
  private ModbusTables() {}

  static String exception(int code) {
    return switch (code) {
      case 0x01 -> "ILLEGAL_FUNCTION";
      case 0x02 -> "ILLEGAL_DATA_ADDRESS";
      case 0x03 -> "ILLEGAL_DATA_VALUE";
      case 0x04 -> "SLAVE_DEVICE_FAILURE";
      case 0x05 -> "ACKNOWLEDGE";
      case 0x06 -> "SLAVE_DEVICE_BUSY";
      case 0x08 -> "MEMORY_PARITY_ERROR";
      case 0x0a -> "GATEWAY_PATH_UNAVAILABLE";
      case 0x0b -> "GATEWAY_TARGET_DEVICE_FAILED_TO_RESPOND";
      default -> "unknown-" + code;
    };
  }

  static String diagnosticSubfunction(int code) {
    return switch (code) {
      case 0x00 -> "Return Query Data";
      case 0x01 -> "Restart Communications Option";
      case 0x02 -> "Return Diagnostic Register";
      case 0x03 -> "Change ASCII Input Delimiter";
      case 0x04 -> "Force Listen Only Mode";
      case 0x0a -> "Clear Counters and Diagnostic Register";
      case 0x0b -> "Return Bus Message Count";
      case 0x0c -> "Return Bus Communication Error Count";
      case 0x0d -> "Return Bus Exception Error Count";
      case 0x0e -> "Return Server Message Count";
      case 0x0f -> "Return Server No Response Count";
      case 0x10 -> "Return Server NAK Count";
      case 0x11 -> "Return Server Busy Count";
      case 0x12 -> "Return Bus Character Overrun Count";
      case 0x14 -> "Clear Overrun Counter and Flag";
      default -> "unknown-" + code;
    };
  }

  static final int MEI_CANOPEN = 0x0d;
  static final int MEI_READ_DEVICE_ID = 0x0e;

  static String meiType(int type) {
    return switch (type) {
      case MEI_CANOPEN -> "CANopen";
      case MEI_READ_DEVICE_ID -> "Read Device Identification";
      default -> String.format("invalid encapsulated interface transport mei-(0x%02x)", type);
    };
  }

  /** The access a Read Device Identification request asks for (its "read device ID code"). */
  static String readDeviceIdCode(int code) {
    return switch (code) {
      case 1 -> "Basic Device Identification";
      case 2 -> "Regular Device Identification";
      case 3 -> "Extended Device Identification";
      case 4 -> "Specific Device Identification";
      default -> "Unknown";
    };
  }

  static String conformityLevel(int level) {
    return switch (level) {
      case 0x01 -> "Basic Identification (Stream)";
      case 0x02 -> "Regular Identification (Stream)";
      case 0x03 -> "Extended Identification (Stream)";
      case 0x81 -> "Basic Identification (Stream, Individual)";
      case 0x82 -> "Regular Identification (Stream, Individual)";
      case 0x83 -> "Extended Identification (Stream, Individual)";
      default -> "Unknown";
    };
  }

  static String deviceObject(int id) {
    return switch (id) {
      case 0x00 -> "VendorName";
      case 0x01 -> "ProductCode";
      case 0x02 -> "MajorMinorRevision";
      case 0x03 -> "VendorURL";
      case 0x04 -> "ProductName";
      case 0x05 -> "ModelName";
      case 0x06 -> "UserApplicationName";
      default -> String.format(id >= 0x80 ? "Private_0x%02x" : "Reserved_0x%02x", id);
    };
  }

  /**
   * The event field of a basic or regular device identification object, for asset discovery:
   * vendor, product_code, revision (MajorMinorRevision), vendor_url, product_name, model_name,
   * user_application_name; null for reserved and private objects.
   */
  static @Nullable String deviceObjectField(int id) {
    return switch (id) {
      case 0x00 -> "vendor";
      case 0x01 -> "product_code";
      case 0x02 -> "revision";
      case 0x03 -> "vendor_url";
      case 0x04 -> "product_name";
      case 0x05 -> "model_name";
      case 0x06 -> "user_application_name";
      default -> null;
    };
  }

  /** Schneider Electric UMAS codes carried in function 90. */
  static String umas(int code) {
    return switch (code) {
      case 0x01 -> "INIT_COMM";
      case 0x02 -> "READ_ID";
      case 0x03 -> "READ_PROJECT_INFO";
      case 0x04 -> "READ_PLC_INFO";
      case 0x06 -> "READ_CARD_INFO";
      case 0x0a -> "REPEAT";
      case 0x10 -> "TAKE_PLC_RESERVATION";
      case 0x11 -> "RELEASE_PLC_RESERVATION";
      case 0x12 -> "KEEP_ALIVE";
      case 0x20 -> "READ_MEMORY_BLOCK";
      case 0x22 -> "READ_VARIABLES";
      case 0x23 -> "WRITE_VARIABLES";
      case 0x24 -> "READ_COILS_REGISTERS";
      case 0x25 -> "WRITE_COILS_REGISTERS";
      case 0x30 -> "INITIALIZE_UPLOAD";
      case 0x31 -> "UPLOAD_BLOCK";
      case 0x32 -> "END_STRATEGY_UPLOAD";
      case 0x33 -> "INITIALIZE_DOWNLOAD";
      case 0x34 -> "DOWNLOAD_BLOCK";
      case 0x35 -> "END_STRATEGY_DOWNLOAD";
      case 0x39 -> "READ_ETH_MASTER_DATA";
      case 0x40 -> "START_PLC";
      case 0x41 -> "STOP_PLC";
      case 0x50 -> "MONITOR_PLC";
      case 0x58 -> "CHECK_PLC";
      case 0x70 -> "READ_IO_OBJECT";
      case 0x71 -> "WRITE_IO_OBJECT";
      case 0x73 -> "GET_STATUS_MODULE";
      default -> String.format("unknown-0x%02x", code);
    };
  }

  static String umasStatus(int status) {
    return switch (status) {
      case 0xfe -> "OK";
      case 0xfd -> "ERROR";
      default -> String.format("unknown-0x%02x", status);
    };
  }
}
