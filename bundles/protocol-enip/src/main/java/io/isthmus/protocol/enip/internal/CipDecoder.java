package io.isthmus.protocol.enip.internal;

import io.isthmus.api.event.Direction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * CIP explicit messages of one conversation: one event per service, embedded services included;
 * {@code cip} rows as ICSNPP writes them (the services of a Multiple Service Packet each a row of
 * their own, the message inside an Unconnected Send none); replies matched to their requests.
 */
final class CipDecoder {
  static final int MAX_DEPTH = 4;

  /** Which {@code cip} row a message gets. */
  enum Rows { TOP, EMBEDDED, NONE }

  private final PendingRequests pending = new PendingRequests();

  /**
   * The items of a SendRRData or SendUnitData body from its item count. Returns {@code null} if
   * CIP services were decoded (each its own event), else why not ("" if nothing was wrong).
   */
  @Nullable String sendData(ByteBuffer b, int start, int end, Pdu pdu, boolean connectedCommand, long senderContext,
      Map<String, Object> fields) {
    Cpf cpf = Cpf.parse(b, start, end);
    Map<String, Object> base = new LinkedHashMap<>(pdu.shared);
    for (Cpf.Item item : cpf.items()) {
      if (item.type() == Cpf.CONNECTED_ADDRESS && item.length() >= 4) {
        base.put("connection_id", Le.hex0x(Le.u32(b, item.start()), 8));
      } else if ((item.type() == Cpf.SOCKADDR_O_T || item.type() == Cpf.SOCKADDR_T_O) && item.length() >= 8) {
        base.put(item.type() == Cpf.SOCKADDR_O_T ? "sockaddr_o_t" : "sockaddr_t_o",
            Le.ipv4(Le.u32be(b, item.start() + 4)) + ":" + Le.u16be(b, item.start() + 2));
      }
    }
    int services = 0;
    for (Cpf.Item item : cpf.items()) {
      if (item.type() == Cpf.UNCONNECTED_DATA) {
        top(b, item.start(), item.end(), pdu, base, false, senderContext, 0);
        services++;
      } else if (item.type() == Cpf.CONNECTED_DATA) {
        if (item.length() < 2) {
          pdu.weird("enip_malformed", "connected data item of " + item.length() + " bytes has no sequence count");
          continue;
        }
        int sequence = Le.u16(b, item.start());
        top(b, item.start() + 2, item.end(), pdu, base, true, sequence, sequence);
        services++;
      }
    }
    if (cpf.error() != null) {
      if (services > 0) {
        pdu.weird("enip_malformed", (connectedCommand ? "SEND_UNIT_DATA: " : "SEND_RR_DATA: ") + cpf.error());
      }
      fields.putAll(base);
      return services > 0 ? null : cpf.error();
    }
    fields.putAll(base);
    fields.put("item_count", cpf.items().size());
    return services > 0 ? null : "";
  }

  private void top(ByteBuffer b, int start, int end, Pdu pdu, Map<String, Object> base, boolean connected, long key,
      int sequence) {
    boolean reply = end > start && (Le.u8(b, start) & 0x80) != 0;
    Request matched = reply ? pending.take(connected, key) : null;
    Request request = service(b, start, end, pdu, base, sequence, Rows.TOP, matched, 0);
    if (request != null) {
      pending.put(connected, key, request);
    }
  }

  /**
   * Decodes one CIP message at nesting {@code depth}; returns the request to remember for its
   * reply ({@code null} for a reply).
   */
  @Nullable Request service(ByteBuffer b, int start, int end, Pdu pdu, Map<String, Object> base, int sequence, Rows rows,
      @Nullable Request matched, int depth) {
    CipMessage m = CipMessage.parse(b, start, end);
    int code = m.code();
    Request answered = m.response() && matched != null ? matched.answeredBy(code) : null;
    CipPath path = m.response() ? answered != null ? answered.path : CipPath.NONE : m.path();
    String operation = Operations.of(code, path.classId());
    Map<String, Object> f = new LinkedHashMap<>(base);
    f.put("cip_service_code", Le.hex0x(code, 2));
    f.put("cip_service", NameTable.CIP_SERVICES.name(code));
    f.put("direction", m.response() ? "response" : "request");
    if (sequence > 0) {
      f.put("cip_sequence_count", sequence);
    }
    if (depth > 0) {
      f.put("embedded", true);
    }
    putPath(f, path);
    if (m.response() && m.status() >= 0) {
      f.put("cip_status_code", Le.hex0x(m.status(), 2));
      f.put("cip_status", NameTable.CIP_STATUSES.name(m.status()));
      if (m.extendedStatus() >= 0) {
        f.put("cip_extended_status_code", Le.hex0x(m.extendedStatus(), 4));
        f.put("cip_extended_status", NameTable.CIP_EXTENDED_STATUSES.name(m.extendedStatus()));
      }
    }
    if (m.response()) {
      f.put("matched", answered != null);
    }
    String problem = m.error();
    if (problem == null && rows != Rows.NONE && pdu.wantsLogs() && IcsnppRows.parses(m)) {
      IcsnppRows.cip(m, pdu, sequence, rows == Rows.EMBEDDED);
    }
    Request request = m.response() ? null : new Request(code, path);
    List<Runnable> carried = new ArrayList<>(0);
    if (problem == null) {
      problem = ServiceData.decode(this, m, f, pdu, base, sequence, rows, request, answered, depth, carried);
    }
    if (problem != null) {
      pdu.weird("cip_malformed", operation + ": " + problem);
    } else if (path.error() != null) {
      pdu.weird("cip_path_unread", operation + ": request path has an " + path.error());
    }
    pdu.emit(operation, m.response() ? Direction.RESPONSE : Direction.REQUEST, f, problem);
    carried.forEach(Runnable::run);
    return request;
  }

  private static void putPath(Map<String, Object> f, CipPath path) {
    if (path.classId() >= 0) {
      f.put("class_id", Le.hex0x(path.classId(), 2));
      f.put("class_name", NameTable.CIP_CLASSES.name(path.classId()));
    }
    if (path.instanceId() >= 0) {
      f.put("instance_id", Le.hex0x(path.instanceId(), 2));
    }
    if (path.attributeId() >= 0) {
      f.put("attribute_id", Le.hex0x(path.attributeId(), 2));
    }
    if (path.member() >= 0) {
      f.put("member_id", Le.hex0x(path.member(), 2));
    }
    if (path.connectionPoint() >= 0) {
      f.put("connection_point", Le.hex0x(path.connectionPoint(), 2));
    }
    if (path.symbol() != null) {
      f.put("symbol", path.symbol());
    }
  }
}
