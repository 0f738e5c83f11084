package io.isthmus.protocol.dnp3.internal;

/**
 * One link-layer frame with its CRCs checked and removed.
 *
 * @param control the control octet: DIR 0x80, PRM 0x40, FCB/DFC 0x20, FCV 0x10, function 0x0f
 * @param destination destination link address
 * @param source source link address
 * @param userData the user data (transport header and application bytes), without CRCs
 * @param wireSize bytes the frame took on the wire, CRCs included
 */
record LinkFrame(int control, int destination, int source, byte[] userData, int wireSize) {
  static final int START_1 = 0x05;
  static final int START_2 = 0x64;
  static final int HEADER = 10;
  static final int BLOCK = 16;
  static final int MIN_LENGTH = 5;

  boolean fromMaster() {
    return (control & 0x80) != 0;
  }

  boolean primary() {
    return (control & 0x40) != 0;
  }

  int function() {
    return control & 0x0f;
  }

  /** Bytes a frame with this length octet occupies on the wire: header, data, and a CRC per 16-byte block. */
  static int wireSize(int lengthOctet) {
    int data = lengthOctet - MIN_LENGTH;
    return HEADER + data + 2 * ((data + BLOCK - 1) / BLOCK);
  }

  /** The link function's name: primary (PRM set) and secondary functions share numbers. */
  String functionName() {
    int f = function();
    if (primary()) {
      return switch (f) {
        case 0 -> "RESET_LINK_STATES";
        case 1 -> "RESET_USER_PROCESS";
        case 2 -> "TEST_LINK_STATES";
        case 3 -> "CONFIRMED_USER_DATA";
        case 4 -> "UNCONFIRMED_USER_DATA";
        case 9 -> "REQUEST_LINK_STATUS";
        default -> "PRIMARY_" + f;
      };
    }
    return switch (f) {
      case 0 -> "ACK";
      case 1 -> "NACK";
      case 11 -> "LINK_STATUS";
      case 14 -> "LINK_NOT_FUNCTIONING";
      case 15 -> "NOT_SUPPORTED";
      default -> "SECONDARY_" + f;
    };
  }
}
