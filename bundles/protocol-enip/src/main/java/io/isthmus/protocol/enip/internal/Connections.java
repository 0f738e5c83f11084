package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Connection Manager Forward Open, Large Forward Open and Forward Close: the connection they concern. */
final class Connections {
  private Connections() {}

  static @Nullable String forwardOpen(CipMessage m, boolean large, Map<String, Object> f) {
    ByteBuffer b = m.buffer();
    int d = m.dataStart();
    int length = m.dataLength();
    if (m.response()) {
      if (m.status() != 0) {
        return identifiers(b, d, length, f);
      }
      if (length < 26) {
        return "forward open reply of " + length + " bytes is shorter than its 26 fixed bytes";
      }
      f.put("o_t_connection_id", Le.hex0x(Le.u32(b, d), 8));
      f.put("t_o_connection_id", Le.hex0x(Le.u32(b, d + 4), 8));
      identifiers(b, d + 8, length - 8, f);
      f.put("o_t_api", Le.u32(b, d + 16));
      f.put("t_o_api", Le.u32(b, d + 20));
      return null;
    }
    int parameters = large ? 4 : 2;
    int fixed = 36 + 2 * (parameters - 2);
    if (length < fixed) {
      return "forward open of " + length + " bytes is shorter than its " + fixed + " fixed bytes";
    }
    f.put("o_t_connection_id", Le.hex0x(Le.u32(b, d + 2), 8));
    f.put("t_o_connection_id", Le.hex0x(Le.u32(b, d + 6), 8));
    identifiers(b, d + 10, length - 10, f);
    f.put("o_t_rpi", Le.u32(b, d + 22));
    int toRpi = d + 26 + parameters;
    f.put("t_o_rpi", Le.u32(b, toRpi));
    f.put("transport_class_trigger", Le.hex0x(Le.u8(b, toRpi + 4 + parameters), 2));
    return connectionPath(b, toRpi + 5 + parameters, m.end(), f, false);
  }

  static @Nullable String forwardClose(CipMessage m, Map<String, Object> f) {
    ByteBuffer b = m.buffer();
    int d = m.dataStart();
    if (m.response()) {
      return identifiers(b, d, m.dataLength(), f);
    }
    if (m.dataLength() < 12) {
      return "forward close of " + m.dataLength() + " bytes is shorter than its 12 fixed bytes";
    }
    identifiers(b, d + 2, m.dataLength() - 2, f);
    return connectionPath(b, d + 10, m.end(), f, true);
  }

  /** Connection serial, originator vendor and serial: the triad that names a connection. */
  private static @Nullable String identifiers(ByteBuffer b, int at, int length, Map<String, Object> f) {
    if (length < 8) {
      return "connection triad needs 8 bytes, " + length + " left";
    }
    f.put("connection_serial", Le.hex0x(Le.u16(b, at), 4));
    f.put("originator_vendor_id", Le.u16(b, at + 2));
    f.put("originator_serial", Le.hex0x(Le.u32(b, at + 4), 8));
    return null;
  }

  /** Path size in words (and, for Forward Close, a reserved byte), then the connection path. */
  private static @Nullable String connectionPath(ByteBuffer b, int at, int end, Map<String, Object> f,
      boolean reservedByte) {
    if (at >= end) {
      return "no connection path size";
    }
    int words = Le.u8(b, at);
    int start = at + (reservedByte ? 2 : 1);
    if (start + 2 * words > end) {
      return "connection path of " + words + " words runs past the message";
    }
    CipPath path = Epath.parse(b, start, start + 2 * words);
    if (path.route() != null) {
      f.put("route", path.route());
    }
    if (path.classId() >= 0) {
      f.put("target_class_id", Le.hex0x(path.classId(), 2));
    }
    if (path.connectionPoint() >= 0) {
      f.put("connection_point", Le.hex0x(path.connectionPoint(), 2));
    }
    return null;
  }
}
