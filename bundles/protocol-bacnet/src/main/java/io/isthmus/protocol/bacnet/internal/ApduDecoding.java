package io.isthmus.protocol.bacnet.internal;

import io.isthmus.api.decode.DecodeSink;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the APDU of one datagram into the event fields and, when wanted, ICSNPP's rows:
 * header fields, segment reassembly, tag lists, service parameters.
 */
final class ApduDecoding {
  private final Segments fromClient = new Segments();
  private final Segments fromServer = new Segments();

  void decode(Datagram d, byte[] b) {
    Layers l = d.layers;
    Apdu a = Apdu.parse(b, l.apduOffset, l.end);
    Map<String, Object> f = d.fields;
    if (a.problem != null) {
      d.malformed("bacnet_bad_apdu", a.problem);
      d.operation = "MALFORMED_APDU";
      d.silenceZeek();
      return;
    }
    d.operation = Operations.service(a);
    d.direction = Operations.direction(a);
    f.put("pdu_type", Names.APDU_TYPES.name(a.type));
    if (a.type == Apdu.UNCONFIRMED_REQUEST) {
      f.put("pdu_service", Names.UNCONFIRMED_SERVICES.name(a.service));
    } else if (a.service >= 0) {
      f.put("pdu_service", Names.CONFIRMED_SERVICES.name(a.service));
    }
    if (a.invokeId >= 0) {
      f.put("invoke_id", a.invokeId);
    }
    if (!a.zeekAcceptsService()) {
      d.sink.weird(d.time, "bacnet_unknown_service", "service choice " + a.service + " of a " + Names.APDU_TYPES.name(a.type));
      d.silenceZeek();
    }
    Map<String, Object> h = d.header;
    if (h != null) {
      h.put("pdu_type", Names.APDU_TYPES.name(a.type));
      if (a.type != Apdu.UNCONFIRMED_REQUEST) {
        h.put("invoke_id", a.invokeId);
      }
    }
    switch (a.type) {
      case Apdu.CONFIRMED_REQUEST, Apdu.COMPLEX_ACK -> confirmed(d, a, b);
      case Apdu.UNCONFIRMED_REQUEST -> {
        Tags t = tags(d, b, a.params, a.end);
        if (t != null) {
          ServiceFields s = new ServiceFields(f);
          s.unconfirmed(a.service, t);
          d.senderDevice = s.senderDevice;
          if (d.rows != null) {
            d.rows.unconfirmed(a.service, t);
          }
        }
        service(d, Names.UNCONFIRMED_SERVICES.name(a.service));
      }
      case Apdu.SIMPLE_ACK -> {
        service(d, Names.CONFIRMED_SERVICES.name(a.service));
        if (d.rows != null) {
          d.rows.deviceControlResult(a.service, a.invokeId, true, 0);
        }
      }
      case Apdu.ERROR -> error(d, a, b);
      case Apdu.SEGMENT_ACK -> {
        f.put("sequence_number", a.sequence);
        f.put("window_size", a.window);
        f.put("nak", a.nak);
      }
      default -> {
        boolean reject = a.type == Apdu.REJECT;
        Names reasons = reject ? Names.REJECT_REASONS : Names.ABORT_REASONS;
        f.put("result_code", reasons.name(a.reason));
        if (h != null) {
          h.put("pdu_service", reject ? "reject" : "abort");
          // ICSNPP passes the reason as a signed byte: proprietary reasons (128-255) print as 64-bit.
          h.put("result_code", reasons.name((byte) a.reason));
        }
      }
    }
  }

  private void confirmed(Datagram d, Apdu a, byte[] b) {
    byte[] params = b;
    int from = a.params;
    int to = a.end;
    if (a.segmented) {
      d.fields.put("sequence_number", a.sequence);
      d.fields.put("more_follows", a.moreFollows);
      Segments.Offer o = (d.fromClient ? fromClient : fromServer).offer(a, b, from, to);
      if (o.weird() != null) {
        d.malformed(o.weird(), o.detail());
      }
      if (o.complete() == null) {
        // ICSNPP logs a segmented message once, when its last segment arrives.
        d.silenceZeek();
        return;
      }
      params = o.complete();
      from = 0;
      to = o.length();
    }
    service(d, Names.CONFIRMED_SERVICES.name(a.service));
    Tags t = tags(d, params, from, to);
    if (t == null) {
      return;
    }
    ServiceFields s = new ServiceFields(d.fields);
    if (a.type == Apdu.CONFIRMED_REQUEST) {
      s.confirmedRequest(a.service, t);
      d.targetDevice = s.targetDevice;
      if (d.rows != null) {
        d.rows.confirmedRequest(a.service, a.invokeId, t);
      }
    } else {
      s.complexAck(a.service, t);
      d.senderDevice = s.targetDevice;
      if (d.rows != null) {
        d.rows.complexAck(a.service, a.invokeId, t);
      }
    }
  }

  private void error(Datagram d, Apdu a, byte[] b) {
    service(d, Names.CONFIRMED_SERVICES.name(a.service));
    Tags t = Tags.parse(b, a.params, a.end);
    new ServiceFields(d.fields).error(t);
    if (t.count < 2) {
      d.malformed("bacnet_bad_error_pdu", "a BACnet-Error without its error class and code"
          + (t.error != null ? ": " + t.error : ""));
      d.silenceZeek();
      return;
    }
    // ICSNPP takes the first byte of the second tag as the error code, as a signed byte.
    long code = (byte) t.firstByte(1);
    if (d.header != null) {
      d.header.put("result_code", Names.ERROR_CODES.name(code));
    }
    if (d.rows != null) {
      d.rows.propertyError(a.service, a.invokeId, code);
      d.rows.deviceControlResult(a.service, a.invokeId, false, code);
    }
  }

  private static void service(Datagram d, String name) {
    if (d.header != null) {
      d.header.put("pdu_service", name);
    }
  }

  private static @Nullable Tags tags(Datagram d, byte[] b, int from, int to) {
    Tags t = Tags.parse(b, from, to);
    if (t.error != null) {
      d.malformed("bacnet_bad_tag", t.error);
      d.silenceZeek();
      return null;
    }
    if (t.deepest > Tags.MAX_DEPTH) {
      d.malformed("bacnet_nesting_too_deep", "tags nested " + t.deepest + " deep");
    } else if (t.unbalanced) {
      d.malformed("bacnet_unbalanced_tags", "opening and closing tags do not pair up");
    }
    return t;
  }

  /** Segmented messages left unfinished when the conversation ends. */
  void close(long time, DecodeSink sink) {
    for (Segments s : new Segments[] {fromClient, fromServer}) {
      String which = s.abandon();
      if (which != null) {
        sink.weird(time, "bacnet_segments_incomplete", "segmented messages never completed: " + which);
      }
    }
  }
}
