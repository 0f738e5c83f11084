package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The data of the services that carry others or set up connections: Multiple Service Packet,
 * Unconnected Send, Forward Open/Close, and the Identity object's Get Attributes All reply.
 * Carried messages are queued in {@code carried}, to be decoded after the carrier's own event.
 */
final class ServiceData {
  private static final int ATTRIBUTE_DATA_SHOWN = 64;

  private ServiceData() {}

  /** Adds the service's data to {@code f}, decoding carried messages; returns what was malformed. */
  static @Nullable String decode(CipDecoder cip, CipMessage m, Map<String, Object> f, Pdu pdu, Map<String, Object> base,
      int sequence, CipDecoder.Rows rows, @Nullable Request request, @Nullable Request answered, int depth,
      List<Runnable> carried) {
    int code = m.code();
    long classId = m.response() ? answered == null ? -1 : answered.path.classId() : m.path().classId();
    if (code == 0x0a) {
      return multiple(cip, m, f, pdu, base, sequence, rows, request, answered, depth, carried);
    }
    if (m.response() && m.status() != 0 && m.status() != 0x06) {
      return null;
    }
    ByteBuffer b = m.buffer();
    if (!m.response() && Operations.isSet(code) && m.dataLength() > 0) {
      f.put("data_length", m.dataLength());
      f.put("attribute_data", Le.hex(b, m.dataStart(), Math.min(m.dataLength(), ATTRIBUTE_DATA_SHOWN)));
    }
    if (classId == Operations.IDENTITY && m.response()) {
      if (code == 0x01) {
        return Identity.attributesAll(b, m.dataStart(), m.end(), f);
      }
      if (code == 0x03) {
        return Identity.attributeList(b, m.dataStart(), m.end(), f);
      }
      if (code == 0x0e && answered != null && answered.path.attributeId() >= 0) {
        Identity.attribute(answered.path.attributeId(), b, m.dataStart(), m.end(), f);
        return null;
      }
    }
    if (classId != Operations.CONNECTION_MANAGER) {
      return null;
    }
    return switch (code) {
      case 0x52 -> m.response() ? null : unconnectedSend(cip, m, f, pdu, base, request, depth, carried);
      case 0x54, 0x5b -> Connections.forwardOpen(m, code == 0x5b, f);
      case 0x4e -> Connections.forwardClose(m, f);
      default -> null;
    };
  }

  private static @Nullable String multiple(CipDecoder cip, CipMessage m, Map<String, Object> f, Pdu pdu,
      Map<String, Object> base, int sequence, CipDecoder.Rows rows, @Nullable Request request,
      @Nullable Request answered, int depth, List<Runnable> carried) {
    ByteBuffer b = m.buffer();
    int data = m.dataStart();
    int length = m.dataLength();
    if (m.response() && length == 0 && m.status() != 0) {
      return null;
    }
    if (length < 2) {
      return "multiple service packet of " + length + " bytes has no service count";
    }
    int count = Le.u16(b, data);
    f.put("service_count", count);
    if (2 + 2 * count > length) {
      return "service count " + count + " needs " + (2 + 2 * count) + " bytes of offsets, the packet has " + length;
    }
    if (depth >= CipDecoder.MAX_DEPTH) {
      return "services nested more than " + CipDecoder.MAX_DEPTH + " deep are not decoded";
    }
    CipDecoder.Rows inner = rows == CipDecoder.Rows.TOP ? CipDecoder.Rows.EMBEDDED : CipDecoder.Rows.NONE;
    String problem = null;
    for (int i = 0; i < count; i++) {
      int from = Le.u16(b, data + 2 + 2 * i);
      int to = i + 1 < count ? Le.u16(b, data + 4 + 2 * i) : length;
      if (from < 2 + 2 * count || to > length || from >= to) {
        problem = problem != null ? problem : "service " + i + " at offsets " + from + "-" + to + " lies outside the "
            + length + "-byte packet";
        continue;
      }
      Request matched = answered != null && i < answered.embedded.size() ? answered.embedded.get(i) : null;
      int start = data + from;
      int end = data + to;
      carried.add(() -> {
        Request embedded = cip.service(b, start, end, pdu, base, sequence, inner, matched, depth + 1);
        if (request != null && embedded != null) {
          request.embedded.add(embedded);
        }
      });
    }
    return problem;
  }

  private static @Nullable String unconnectedSend(CipDecoder cip, CipMessage m, Map<String, Object> f, Pdu pdu,
      Map<String, Object> base, @Nullable Request request, int depth, List<Runnable> carried) {
    ByteBuffer b = m.buffer();
    int data = m.dataStart();
    if (m.dataLength() < 4) {
      return "unconnected send of " + m.dataLength() + " bytes has no message size";
    }
    int size = Le.u16(b, data + 2);
    int message = data + 4;
    if (message + size > m.end()) {
      return "embedded message of " + size + " bytes runs past the " + m.dataLength() + "-byte unconnected send";
    }
    int routeAt = message + size + (size & 1);
    if (routeAt + 2 <= m.end()) {
      int routeEnd = Math.min(m.end(), routeAt + 2 + 2 * Le.u8(b, routeAt));
      CipPath route = Epath.parse(b, routeAt + 2, routeEnd);
      if (route.route() != null) {
        f.put("route", route.route());
      }
    }
    if (depth >= CipDecoder.MAX_DEPTH) {
      return "messages nested more than " + CipDecoder.MAX_DEPTH + " deep are not decoded";
    }
    carried.add(() -> {
      Request inner = cip.service(b, message, message + size, pdu, base, 0, CipDecoder.Rows.NONE, null, depth + 1);
      if (request != null) {
        request.inner = inner;
      }
    });
    return null;
  }
}
