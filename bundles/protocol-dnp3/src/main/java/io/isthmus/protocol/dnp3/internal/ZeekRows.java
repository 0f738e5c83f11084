package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.Endpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the Zeek rows of one conversation: Zeek's stock {@code dnp3} log and ICSNPP's {@code
 * dnp3_control} and {@code dnp3_objects} logs, with their row granularity.
 *
 * <p>Zeek keeps one pending request per connection, not a queue: every fragment from the
 * originator replaces it, and every fragment from the responder writes a row with it (or without
 * one) and clears it; what is left pending is written when the connection ends. Zeek decides
 * request or response by the side a fragment comes from, not by its function code, and so do
 * these rows. ICSNPP lists object headers of READ requests and RESPONSE fragments only, and
 * control blocks of every fragment, as Zeek's grammar walks them ({@link ZeekWalk}).
 *
 * <p>Zeek's analyzer stops for the rest of a connection at the first frame without start
 * octets, bad CRC, segment without a first one, or fragment its parser runs out of bytes in; its
 * logs then have no more rows for it but the pending request. {@link #zeekStops} mirrors that for
 * the rows only: events go on.
 */
final class ZeekRows {
  private final Conversation conversation;
  private @Nullable String pendingRequest;
  private long pendingTime;
  private boolean stopped;

  ZeekRows(Conversation conversation) {
    this.conversation = conversation;
  }

  /** The rows for one complete fragment from the client ({@code orig}) or the server. */
  void fragment(boolean orig, long time, byte[] bytes, ApplicationFragment fragment, DecodeSink sink) {
    if (stopped) {
      return;
    }
    dnp3(orig, time, bytes, sink);
    String function = FunctionCodes.name(fragment.function());
    ZeekWalk walk = ZeekWalk.of(bytes, orig);
    objects(orig, time, function, walk, sink);
    controls(orig, time, function, walk, sink);
    if (walk.zeekStops) {
      stopped = true;
    }
  }

  /** Zeek's analyzer would give up on this connection here: no more rows but the pending request. */
  void zeekStops() {
    stopped = true;
  }

  /** The request still pending when the connection ends. */
  void close(DecodeSink sink) {
    if (pendingRequest != null) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("fc_request", pendingRequest);
      sink.log(pendingTime, "dnp3", row);
      pendingRequest = null;
    }
  }

  private void dnp3(boolean orig, long time, byte[] bytes, DecodeSink sink) {
    int function = bytes[1] & 0xff;
    if (orig) {
      pendingRequest = FunctionCodes.zeekName(function);
      pendingTime = time;
      return;
    }
    if (bytes.length < ApplicationParser.RESPONSE_HEADER) {
      return;
    }
    Map<String, Object> row = new LinkedHashMap<>();
    if (pendingRequest != null) {
      row.put("fc_request", pendingRequest);
    }
    row.put("fc_reply", FunctionCodes.zeekName(function));
    row.put("iin", (bytes[2] & 0xff) << 8 | bytes[3] & 0xff);
    sink.log(time, "dnp3", row);
    pendingRequest = null;
  }

  private void objects(boolean orig, long time, String function, ZeekWalk walk, DecodeSink sink) {
    if (!function.equals(orig ? "READ" : "RESPONSE")) {
      return;
    }
    for (ZeekWalk.Header h : walk.headers) {
      String type = ObjectNames.icsnpp(h.group(), h.variation());
      if (type == null) {
        continue;
      }
      Map<String, Object> row = endpoints(orig);
      row.put("function_code", function);
      row.put("object_type", type);
      if (!orig) {
        row.put("object_count", h.count());
        row.put("range_low", h.low());
        row.put("range_high", h.high());
      }
      sink.log(time, "dnp3_objects", row);
    }
  }

  private void controls(boolean orig, long time, String function, ZeekWalk walk, DecodeSink sink) {
    for (ControlBlock c : walk.controls) {
      Map<String, Object> row = endpoints(orig);
      row.put("block_type", c.blockType());
      row.put("function_code", function);
      row.put("index_number", c.prefix());
      row.put("trip_control_code", c.tripControlCode());
      row.put("operation_type", c.operationType());
      row.put("clear_bit", c.clear());
      row.put("execute_count", c.count());
      row.put("on_time", c.onTime());
      row.put("off_time", c.offTime());
      if (function.equals("RESPONSE")) {
        row.put("status_code", c.statusName());
      }
      sink.log(time, "dnp3_control", row);
    }
  }

  private Map<String, Object> endpoints(boolean orig) {
    Endpoint source = orig ? conversation.client() : conversation.server();
    Endpoint destination = orig ? conversation.server() : conversation.client();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("is_orig", orig);
    row.put("source_h", source.ip());
    row.put("source_p", source.port());
    row.put("destination_h", destination.ip());
    row.put("destination_p", destination.port());
    return row;
  }
}
