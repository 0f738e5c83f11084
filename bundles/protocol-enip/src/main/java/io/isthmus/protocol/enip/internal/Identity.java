package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Identity object's attributes, from a List Identity reply's CIP identity item (which also
 * writes a {@code cip_identity} row) or from a Get Attributes All reply of the Identity class.
 */
final class Identity {
  private static final int ITEM_FIXED = 34;
  private static final int ATTRIBUTES_FIXED = 15;

  private Identity() {}

  /** Reads one CIP identity item; fills {@code fields} if given; returns what was malformed, or {@code null}. */
  static @Nullable String listIdentityItem(ByteBuffer b, int start, int end, Pdu pdu, @Nullable Map<String, Object> fields) {
    if (end - start < ITEM_FIXED) {
      return "identity item of " + (end - start) + " bytes is shorter than its " + ITEM_FIXED + " fixed bytes";
    }
    int nameLength = Le.u8(b, start + 32);
    if (start + ITEM_FIXED + nameLength > end) {
      return "identity item's product name of " + nameLength + " bytes runs past the item";
    }
    int version = Le.u16(b, start);
    int socketPort = Le.u16be(b, start + 4);
    String socketAddress = Le.ipv4(Le.u32be(b, start + 6));
    int state = Le.u8(b, start + 33 + nameLength);
    if (pdu.wantsLogs()) {
      Map<String, Object> row = pdu.row();
      row.put("encapsulation_version", version);
      row.put("socket_address", socketAddress);
      row.put("socket_port", socketPort);
      attributes(b, start + 18, nameLength, row);
      row.put("device_state", Le.hex0x(state, 4));
      pdu.log("cip_identity", row);
    }
    if (fields != null) {
      fields.put("encapsulation_version", version);
      fields.put("socket_address", socketAddress);
      fields.put("socket_port", socketPort);
      attributes(b, start + 18, nameLength, fields);
      fields.put("device_state", Le.hex0x(state, 4));
    }
    return null;
  }

  /** Reads a Get Attributes All reply of the Identity class into {@code fields}; returns what was malformed. */
  static @Nullable String attributesAll(ByteBuffer b, int start, int end, Map<String, Object> fields) {
    if (end - start < ATTRIBUTES_FIXED) {
      return "identity attributes of " + (end - start) + " bytes are shorter than their " + ATTRIBUTES_FIXED + " fixed bytes";
    }
    int nameLength = Le.u8(b, start + 14);
    if (start + ATTRIBUTES_FIXED + nameLength > end) {
      return "identity product name of " + nameLength + " bytes runs past the reply";
    }
    attributes(b, start, nameLength, fields);
    if (start + ATTRIBUTES_FIXED + nameLength < end) {
      fields.put("device_state", Le.hex0x(Le.u8(b, start + ATTRIBUTES_FIXED + nameLength), 4));
    }
    return null;
  }

  /**
   * Reads a Get Attribute List reply of the Identity class (count, then attribute id, status and
   * value per attribute); stops at the first attribute that failed or is not one of 1-8.
   */
  static @Nullable String attributeList(ByteBuffer b, int start, int end, Map<String, Object> fields) {
    if (end - start < 2) {
      return "attribute list reply of " + (end - start) + " bytes has no count";
    }
    int count = Le.u16(b, start);
    int at = start + 2;
    for (int i = 0; i < count && at + 4 <= end; i++) {
      int id = Le.u16(b, at);
      if (Le.u16(b, at + 2) != 0) {
        return null;
      }
      int next = attribute(id, b, at + 4, end, fields);
      if (next < 0) {
        return null;
      }
      at = next;
    }
    return null;
  }

  /** Reads the value of Identity attribute {@code id} at {@code at}; returns where it ends, -1 if unknown or cut. */
  static int attribute(long id, ByteBuffer b, int at, int end, Map<String, Object> out) {
    int width = id == 4 ? 2 : id == 6 ? 4 : id == 8 ? 1 : id == 7 ? (at < end ? 1 + Le.u8(b, at) : 1) : 2;
    if (id < 1 || id > 8 || at + width > end) {
      return -1;
    }
    switch ((int) id) {
      case 1 -> {
        out.put("vendor_id", Le.u16(b, at));
        out.put("vendor_name", NameTable.CIP_VENDORS.name(Le.u16(b, at)));
      }
      case 2 -> {
        out.put("device_type_id", Le.u16(b, at));
        out.put("device_type_name", NameTable.CIP_DEVICE_TYPES.name(Le.u16(b, at)));
      }
      case 3 -> out.put("product_code", Le.u16(b, at));
      case 4 -> out.put("revision", Le.u8(b, at) + "." + Le.u8(b, at + 1));
      case 5 -> out.put("device_status", Le.hex0x(Le.u16(b, at), 4));
      case 6 -> out.put("serial_number", Le.hex0x(Le.u32(b, at), 8));
      case 7 -> out.put("product_name", Le.text(b, at + 1, width - 1));
      default -> out.put("device_state", Le.hex0x(Le.u8(b, at), 4));
    }
    return at + width;
  }

  /** Vendor to product name: the layout shared by the identity item (from byte 18) and attributes 1-7. */
  private static void attributes(ByteBuffer b, int at, int nameLength, Map<String, Object> out) {
    int vendor = Le.u16(b, at);
    int deviceType = Le.u16(b, at + 2);
    out.put("vendor_id", vendor);
    out.put("vendor_name", NameTable.CIP_VENDORS.name(vendor));
    out.put("device_type_id", deviceType);
    out.put("device_type_name", NameTable.CIP_DEVICE_TYPES.name(deviceType));
    out.put("product_code", Le.u16(b, at + 4));
    out.put("revision", Le.u8(b, at + 6) + "." + Le.u8(b, at + 7));
    out.put("device_status", Le.hex0x(Le.u16(b, at + 8), 4));
    out.put("serial_number", Le.hex0x(Le.u32(b, at + 10), 8));
    out.put("product_name", Le.text(b, at + 15, nameLength));
  }
}
