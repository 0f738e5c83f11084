package io.isthmus.protocol.bacnet.internal;

import io.isthmus.api.event.Direction;
import java.util.Locale;

/** Event operation names and directions: the service, message or BVLC function in upper case. */
final class Operations {
  private Operations() {}

  static String bvlc(int function) {
    return switch (function) {
      case 0x00 -> "BVLC_RESULT";
      case 0x01 -> "WRITE_BROADCAST_DISTRIBUTION_TABLE";
      case 0x02 -> "READ_BROADCAST_DISTRIBUTION_TABLE";
      case 0x03 -> "READ_BROADCAST_DISTRIBUTION_TABLE_ACK";
      case 0x05 -> "REGISTER_FOREIGN_DEVICE";
      case 0x06 -> "READ_FOREIGN_DEVICE_TABLE";
      case 0x07 -> "READ_FOREIGN_DEVICE_TABLE_ACK";
      case 0x08 -> "DELETE_FOREIGN_DEVICE_TABLE_ENTRY";
      case 0x0c -> "SECURE_BVLL";
      default -> String.format("BVLC_FUNCTION_0X%02X", function);
    };
  }

  static Direction bvlcDirection(int function) {
    return function == 0x00 || function == 0x03 || function == 0x07 ? Direction.RESPONSE : Direction.REQUEST;
  }

  static String networkMessage(int type) {
    return Names.NPDU_MESSAGE_TYPES.contains(type) ? upper(Names.NPDU_MESSAGE_TYPES.name(type))
        : String.format("NETWORK_MESSAGE_0X%02X", type);
  }

  static Direction networkDirection(int type) {
    return switch (type) {
      case 0x00, 0x06, 0x08, 0x09, 0x12 -> Direction.REQUEST;
      default -> Direction.UNSOLICITED;
    };
  }

  static String service(Apdu a) {
    Names table = a.type == Apdu.UNCONFIRMED_REQUEST ? Names.UNCONFIRMED_SERVICES : Names.CONFIRMED_SERVICES;
    String name = table.contains(a.service) ? upper(table.name(a.service)) : String.format("SERVICE_0X%02X", a.service);
    return switch (a.type) {
      case Apdu.ERROR -> name + "_ERROR";
      case Apdu.SEGMENT_ACK -> "SEGMENT_ACK";
      case Apdu.REJECT -> "REJECT";
      case Apdu.ABORT -> "ABORT";
      default -> name;
    };
  }

  static Direction direction(Apdu a) {
    return switch (a.type) {
      case Apdu.CONFIRMED_REQUEST -> Direction.REQUEST;
      // I-Am, I-Have, COV and event notifications, text messages: a device speaking for itself.
      case Apdu.UNCONFIRMED_REQUEST -> switch (a.service) {
        case 0, 1, 2, 3, 5, 11 -> Direction.UNSOLICITED;
        default -> Direction.REQUEST;
      };
      case Apdu.SEGMENT_ACK, Apdu.ABORT -> a.server ? Direction.RESPONSE : Direction.REQUEST;
      default -> Direction.RESPONSE;
    };
  }

  private static String upper(String name) {
    return name.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
