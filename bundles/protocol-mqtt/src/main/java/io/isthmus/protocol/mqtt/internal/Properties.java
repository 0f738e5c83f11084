package io.isthmus.protocol.mqtt.internal;

import java.util.ArrayList;
import org.jspecify.annotations.Nullable;

/**
 * MQTT 5 properties (MQTT 5.0 section 2.2.2). Each property's name goes into a list field; the
 * values an analyst or a model uses are kept as fields of their own. Values that may carry
 * secrets (authentication data, correlation data, user property values) are skipped unread.
 */
final class Properties {
  private Properties() {}

  /** Reads a property length and the properties after it into {@code fields}. */
  static void read(Reader r, Fields fields, String listName) {
    int length = r.varint("property length");
    if (length > r.remaining()) {
      throw new Malformed("mqtt_bad_property_length", "property length " + length + " runs past the packet's "
          + r.remaining() + " remaining bytes");
    }
    int end = r.position() + length;
    fields.values.computeIfAbsent(listName, k -> new ArrayList<>());  // present, maybe empty, once read
    while (r.position() < end) {
      int id = r.varint("property identifier");
      String name = name(id);
      if (name == null) {
        throw new Malformed("mqtt_unknown_property", "property identifier 0x" + Integer.toHexString(id)
            + " is not an MQTT 5 property");
      }
      fields.add(listName, name);
      boolean keep = listName.equals("properties");
      switch (id) {
        case 0x01, 0x17, 0x19, 0x24, 0x25, 0x28, 0x29, 0x2A -> keep(fields, keep, name, r.u8(name));
        case 0x13, 0x21, 0x22, 0x23 -> keep(fields, keep, name, r.u16(name));
        case 0x02, 0x11, 0x18, 0x27 -> keep(fields, keep, name, r.u32(name));
        case 0x0B -> keep(fields, keep, name, r.varint(name));
        case 0x03, 0x08, 0x12, 0x15, 0x1A, 0x1C, 0x1F -> keep(fields, keep, name, r.string(name));
        case 0x09, 0x16 -> r.skipBinary(name);
        case 0x26 -> {
          String key = r.string("user property name");
          r.skipBinary("user property value");
          if (keep) {
            fields.add("user_property_keys", key);
          }
        }
        default -> throw new IllegalStateException("unreachable: property " + id);
      }
      if (r.position() > end) {
        throw new Malformed("mqtt_bad_property_length", name + " runs past the property length " + length);
      }
    }
  }

  private static void keep(Fields fields, boolean keep, String name, Object value) {
    if (keep) {
      fields.put(name, value instanceof Long l && l <= Integer.MAX_VALUE ? (Object) l.intValue() : value);
    }
  }

  private static @Nullable String name(int id) {
    return switch (id) {
      case 0x01 -> "payload_format_indicator";
      case 0x02 -> "message_expiry_interval";
      case 0x03 -> "content_type";
      case 0x08 -> "response_topic";
      case 0x09 -> "correlation_data";
      case 0x0B -> "subscription_identifier";
      case 0x11 -> "session_expiry_interval";
      case 0x12 -> "assigned_client_identifier";
      case 0x13 -> "server_keep_alive";
      case 0x15 -> "authentication_method";
      case 0x16 -> "authentication_data";
      case 0x17 -> "request_problem_information";
      case 0x18 -> "will_delay_interval";
      case 0x19 -> "request_response_information";
      case 0x1A -> "response_information";
      case 0x1C -> "server_reference";
      case 0x1F -> "reason_string";
      case 0x21 -> "receive_maximum";
      case 0x22 -> "topic_alias_maximum";
      case 0x23 -> "topic_alias";
      case 0x24 -> "maximum_qos";
      case 0x25 -> "retain_available";
      case 0x26 -> "user_property";
      case 0x27 -> "maximum_packet_size";
      case 0x28 -> "wildcard_subscription_available";
      case 0x29 -> "subscription_identifier_available";
      case 0x2A -> "shared_subscription_available";
      default -> null;
    };
  }
}
