package io.isthmus.model.baseline.internal;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the baseline reads from an event's operation and ICSNPP-named fields. */
final class EventFacts {
  /** Modbus data tables, for register ranges: coils, discrete inputs, holding registers, input registers. */
  private static final String[] TABLES = {"coils", "discrete inputs", "holding registers", "input registers"};

  private EventFacts() {}

  /** A PDU sent to the device (requests, and events whose direction the decoder could not tell). */
  static boolean toDevice(TelemetryEvent e) {
    return e.direction() == Direction.REQUEST || e.direction() == Direction.UNKNOWN;
  }

  /** The protocol's numeric function or service code, or -1: Modbus {@code func_code}, DNP3 {@code fc}. */
  static int functionCode(TelemetryEvent e) {
    Object v = e.fields().get("func_code");
    if (v == null) {
      v = e.fields().get("fc");
    }
    return v instanceof Number n ? n.intValue() : -1;
  }

  /**
   * Session housekeeping that carries no command (MQTT keep-alives, acknowledgements, the end of
   * a session): a new one is not worth a finding, and a new client is reported as a new peer.
   */
  static boolean isHousekeeping(String op) {
    return switch (op) {
      case "PINGREQ", "PINGRESP", "DISCONNECT", "CONNACK", "PUBACK", "PUBREC", "PUBREL", "PUBCOMP", "SUBACK",
          "UNSUBACK", "AUTH" -> true;
      default -> false;
    };
  }

  /** Whether an operation changes the device: writes, sets, operates, publishes, program or firmware transfer. */
  static boolean isWrite(String op) {
    return op.contains("WRITE") || op.startsWith("SET") || op.contains("OPERATE") || op.equals("PUBLISH")
        || op.contains("FIRMWARE") || op.contains("DOWNLOAD") || op.contains("PROGRAM") || op.contains("STOP")
        || op.contains("START") || op.contains("RESTART") || op.contains("RESET") || op.contains("MODE_CHANGE");
  }

  /** Modbus table of a function code (0-3), or -1 if it addresses none. */
  static int table(int fc) {
    return switch (fc) {
      case 1, 5, 15 -> 0;
      case 2 -> 1;
      case 3, 6, 16, 22, 24 -> 2;
      case 4 -> 3;
      default -> -1;
    };
  }

  static String tableName(int table) {
    return TABLES[table];
  }

  /** The register range of a Modbus request as one interval in a key space of table, write flag and address; null if none. */
  static int[] modbusRange(TelemetryEvent e, int fc, boolean write) {
    int table = table(fc);
    if (table < 0 || !(e.fields().get("address") instanceof Number address)) {
      return null;
    }
    int quantity = e.fields().get("quantity") instanceof Number q ? Math.max(1, q.intValue()) : 1;
    int base = ((table << 1) | (write ? 1 : 0)) << 16;
    int lo = base + (address.intValue() & 0xffff);
    return new int[] {lo, lo + Math.min(quantity, 0x10000) - 1};
  }

  /** The objects a PDU names: MQTT topic, DNP3 group/variation, CIP class. */
  static List<String> objects(TelemetryEvent e) {
    Map<String, Object> f = e.fields();
    if (f.get("topic") instanceof String topic) {
      return List.of("topic:" + topic);
    }
    if (f.get("objects") instanceof List<?> list && !list.isEmpty()) {
      List<String> keys = new ArrayList<>(list.size());
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("group") != null) {
          keys.add("g" + m.get("group") + "v" + m.get("variation"));
        }
      }
      return keys;
    }
    Object cipClass = f.get("class_id");
    return cipClass != null ? List.of("class:" + cipClass) : List.of();
  }

  /** A peer address as an int: IPv4 itself, other addresses hashed. */
  static int addressKey(String ip) {
    int value = 0;
    int part = 0;
    int dots = 0;
    int digits = 0;
    for (int i = 0; i < ip.length(); i++) {
      char c = ip.charAt(i);
      if (c >= '0' && c <= '9' && digits < 3) {
        part = part * 10 + (c - '0');
        digits++;
      } else if (c == '.' && digits > 0 && part < 256 && dots < 3) {
        value = (value << 8) | part;
        part = 0;
        digits = 0;
        dots++;
      } else {
        return ip.hashCode() | 0x1;
      }
    }
    return dots == 3 && digits > 0 && part < 256 ? (value << 8) | part : ip.hashCode() | 0x1;
  }
}
