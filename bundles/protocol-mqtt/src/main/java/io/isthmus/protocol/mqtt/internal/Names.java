package io.isthmus.protocol.mqtt.internal;

/** Packet type names, and the spellings Zeek's MQTT scripts log (base/protocols/mqtt/consts.zeek). */
final class Names {
  static final int CONNECT = 1;
  static final int CONNACK = 2;
  static final int PUBLISH = 3;
  static final int PUBACK = 4;
  static final int PUBREC = 5;
  static final int PUBREL = 6;
  static final int PUBCOMP = 7;
  static final int SUBSCRIBE = 8;
  static final int SUBACK = 9;
  static final int UNSUBSCRIBE = 10;
  static final int UNSUBACK = 11;
  static final int PINGREQ = 12;
  static final int PINGRESP = 13;
  static final int DISCONNECT = 14;
  static final int AUTH = 15;

  private static final String[] OPERATIONS = {"RESERVED", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC",
      "PUBREL", "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT",
      "AUTH"};

  private static final String[] RETURN_CODES = {"Connection Accepted", "Refused: unacceptable protocol version",
      "Refused: identifier rejected", "Refused: server unavailable", "Refused: bad user name or password",
      "Refused: not authorized"};

  private static final String[] QOS = {"at most once", "at least once", "exactly once"};

  private Names() {}

  static String operation(int type) {
    return OPERATIONS[type & 0x0f];
  }

  /** Zeek's {@code MQTT::versions}. */
  static String version(int level) {
    return switch (level) {
      case 3 -> "3.1";
      case 4 -> "3.1.1";
      case 5 -> "5.0";
      default -> "unknown-version-" + level;
    };
  }

  /** Zeek's {@code MQTT::return_codes} (the MQTT 3 CONNACK codes; MQTT 5 codes fall to its default). */
  static String connectStatus(int code) {
    return code < RETURN_CODES.length ? RETURN_CODES[code] : "unknown-return-code-" + code;
  }

  /** Zeek's {@code MQTT::qos_levels}. */
  static String qos(int qos) {
    return qos < QOS.length ? QOS[qos] : "unknown-qos-level-" + qos;
  }

  /** The MQTT 5 reason code names (MQTT 5.0 section 2.4), as the specification spells them. */
  static String reason(int code) {
    return switch (code) {
      case 0x00 -> "Success";
      case 0x01 -> "Granted QoS 1";
      case 0x02 -> "Granted QoS 2";
      case 0x04 -> "Disconnect with Will Message";
      case 0x10 -> "No matching subscribers";
      case 0x11 -> "No subscription existed";
      case 0x18 -> "Continue authentication";
      case 0x19 -> "Re-authenticate";
      case 0x80 -> "Unspecified error";
      case 0x81 -> "Malformed Packet";
      case 0x82 -> "Protocol Error";
      case 0x83 -> "Implementation specific error";
      case 0x84 -> "Unsupported Protocol Version";
      case 0x85 -> "Client Identifier not valid";
      case 0x86 -> "Bad User Name or Password";
      case 0x87 -> "Not authorized";
      case 0x88 -> "Server unavailable";
      case 0x89 -> "Server busy";
      case 0x8A -> "Banned";
      case 0x8B -> "Server shutting down";
      case 0x8C -> "Bad authentication method";
      case 0x8D -> "Keep Alive timeout";
      case 0x8E -> "Session taken over";
      case 0x8F -> "Topic Filter invalid";
      case 0x90 -> "Topic Name invalid";
      case 0x91 -> "Packet Identifier in use";
      case 0x92 -> "Packet Identifier not found";
      case 0x93 -> "Receive Maximum exceeded";
      case 0x94 -> "Topic Alias invalid";
      case 0x95 -> "Packet too large";
      case 0x96 -> "Message rate too high";
      case 0x97 -> "Quota exceeded";
      case 0x98 -> "Administrative action";
      case 0x99 -> "Payload format invalid";
      case 0x9A -> "Retain not supported";
      case 0x9B -> "QoS not supported";
      case 0x9C -> "Use another server";
      case 0x9D -> "Server moved";
      case 0x9E -> "Shared Subscriptions not supported";
      case 0x9F -> "Connection rate exceeded";
      case 0xA0 -> "Maximum connect time";
      case 0xA1 -> "Subscription Identifiers not supported";
      case 0xA2 -> "Wildcard Subscriptions not supported";
      default -> "unknown-reason-code-" + code;
    };
  }
}
