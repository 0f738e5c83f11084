package io.isthmus.protocol.enip.internal;

/**
 * Operation names of events: CIP services by what they do to the object they address, so that
 * detection rules can match on a name. Class-specific service codes (0x4B and up) mean different
 * things on different classes, so they are named only where the class is known.
 */
final class Operations {
  static final int CONNECTION_MANAGER = 0x06;
  static final int IDENTITY = 0x01;
  static final int FILE = 0x37;
  static final int TIME_SYNC = 0x43;
  static final int PCCC = 0x67;
  static final int LOGIX_PROGRAM = 0x68;
  static final int LOGIX_ROUTINE = 0x6a;
  static final int SYMBOL = 0x6b;
  static final int TEMPLATE = 0x6c;
  static final int WALL_CLOCK_TIME = 0x8b;
  static final int LOGIX_CONTROLLER = 0x8e;
  static final int FIRMWARE_UPDATE = 0xa1;
  static final int TCPIP_INTERFACE = 0xf5;
  static final int ETHERNET_LINK = 0xf6;

  private static final String[] COMMON = new String[0x20];

  static {
    String[][] names = {
        {"1", "GET_ATTRIBUTES_ALL"}, {"2", "SET_ATTRIBUTES_ALL"}, {"3", "GET_ATTRIBUTE_LIST"},
        {"4", "SET_ATTRIBUTE_LIST"}, {"5", "RESET"}, {"6", "START"}, {"7", "STOP"}, {"8", "CREATE"},
        {"9", "DELETE"}, {"10", "MULTIPLE_SERVICE_PACKET"}, {"13", "APPLY_ATTRIBUTES"},
        {"14", "GET_ATTRIBUTE_SINGLE"}, {"16", "SET_ATTRIBUTE_SINGLE"}, {"17", "FIND_NEXT_OBJECT_INSTANCE"},
        {"20", "ERROR_RESPONSE"}, {"21", "RESTORE"}, {"22", "SAVE"}, {"23", "NO_OPERATION"},
        {"24", "GET_MEMBER"}, {"25", "SET_MEMBER"}, {"26", "INSERT_MEMBER"}, {"27", "REMOVE_MEMBER"},
        {"28", "GROUP_SYNC"}, {"29", "GET_CONNECTION_POINT_MEMBER_LIST"}};
    for (String[] n : names) {
      COMMON[Integer.parseInt(n[0])] = n[1];
    }
  }

  private Operations() {}

  static boolean isSet(int code) {
    return code == 0x02 || code == 0x04 || code == 0x10 || code == 0x19;
  }

  /** The operation of CIP service {@code code} (request/response bit cleared) on class {@code classId} (-1 unknown). */
  static String of(int code, long classId) {
    if (classId == FIRMWARE_UPDATE && code != 0x01 && code != 0x03 && code != 0x0e) {
      return "FIRMWARE_UPDATE";
    }
    if (isSet(code)) {
      if (classId == TCPIP_INTERFACE) {
        return "SET_TCPIP_INTERFACE";
      }
      if (classId == ETHERNET_LINK) {
        return "SET_ETHERNET_LINK";
      }
      if (classId == TIME_SYNC || classId == WALL_CLOCK_TIME) {
        return "SET_TIME";
      }
    }
    if (code == 0x05 && classId == IDENTITY) {
      return "DEVICE_RESET";
    }
    if (classId == LOGIX_CONTROLLER && (code == 0x06 || code == 0x07)) {
      return code == 0x06 ? "MODE_CHANGE_RUN" : "MODE_CHANGE_STOP";
    }
    if (code < COMMON.length && COMMON[code] != null) {
      return COMMON[code];
    }
    String specific = classSpecific(code, classId);
    return specific != null ? specific : String.format("CIP_SERVICE_0x%02X", code);
  }

  private static String classSpecific(int code, long classId) {
    if (classId == CONNECTION_MANAGER) {
      return switch (code) {
        case 0x4e -> "FORWARD_CLOSE";
        case 0x52 -> "UNCONNECTED_SEND";
        case 0x54 -> "FORWARD_OPEN";
        case 0x56 -> "GET_CONNECTION_DATA";
        case 0x57 -> "SEARCH_CONNECTION_DATA";
        case 0x5a -> "GET_CONNECTION_OWNER";
        case 0x5b -> "LARGE_FORWARD_OPEN";
        default -> null;
      };
    }
    if (classId == FILE) {
      return switch (code) {
        case 0x4b -> "FILE_INITIATE_UPLOAD";
        case 0x4c -> "FILE_INITIATE_DOWNLOAD";
        case 0x4d -> "FILE_INITIATE_PARTIAL_READ";
        case 0x4e -> "FILE_INITIATE_PARTIAL_WRITE";
        case 0x4f -> "FILE_UPLOAD_TRANSFER";
        case 0x50 -> "FILE_DOWNLOAD_TRANSFER";
        case 0x51 -> "FILE_CLEAR";
        default -> null;
      };
    }
    if ((classId == LOGIX_PROGRAM || classId == LOGIX_ROUTINE) && code >= 0x4b && code <= 0x51) {
      // Seen carrying program content when Studio 5000 downloads to a Logix controller.
      return "PROGRAM_TRANSFER";
    }
    if (classId == PCCC && code == 0x4b) {
      return "EXECUTE_PCCC";
    }
    if (classId == SYMBOL || classId == TEMPLATE || classId < 0) {
      // Logix data table services, addressed by symbolic path or the Symbol/Template objects.
      return switch (code) {
        case 0x4c -> "READ_TAG";
        case 0x4d -> "WRITE_TAG";
        case 0x4e -> "READ_MODIFY_WRITE_TAG";
        case 0x52 -> "READ_TAG_FRAGMENTED";
        case 0x53 -> "WRITE_TAG_FRAGMENTED";
        case 0x55 -> "GET_INSTANCE_ATTRIBUTE_LIST";
        default -> null;
      };
    }
    return null;
  }
}
