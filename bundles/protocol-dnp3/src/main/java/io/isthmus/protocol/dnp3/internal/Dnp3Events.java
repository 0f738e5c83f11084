package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the one telemetry event of an application fragment, with ICSNPP's field names where it has them. */
final class Dnp3Events {
  private Dnp3Events() {}

  static TelemetryEvent event(Conversation conversation, boolean fromClient, long time, LinkFrame frame, int segments,
      int size, ApplicationFragment fragment) {
    int function = fragment.function();
    String name = FunctionCodes.name(function);
    Map<String, Object> fields = new HashMap<>();
    fields.put("is_orig", fromClient);
    fields.put("function_code", name);
    fields.put("fc", function);
    fields.put(fragment.isResponse() ? "fc_reply" : "fc_request", name);
    fields.put("application_control", fragment.control());
    fields.put("fir", fragment.first());
    fields.put("fin", fragment.fin());
    fields.put("con", fragment.confirm());
    fields.put("uns", fragment.unsolicited());
    fields.put("seq", fragment.sequence());
    if (fragment.iin() >= 0) {
      fields.put("iin", fragment.iin());
      fields.put("iin_flags", FunctionCodes.iinFlags(fragment.iin()));
    }
    fields.put("source_address", frame.source());
    fields.put("destination_address", frame.destination());
    fields.put("link_control", frame.control());
    fields.put("link_function", frame.functionName());
    fields.put("link_dir", frame.fromMaster());
    fields.put("link_prm", frame.primary());
    if (frame.primary()) {
      fields.put("link_fcb", (frame.control() & 0x20) != 0);
      fields.put("link_fcv", (frame.control() & 0x10) != 0);
    } else {
      fields.put("link_dfc", (frame.control() & 0x10) != 0);
    }
    fields.put("segments", segments);
    fields.put("objects", objects(fragment));
    if (!fragment.controls().isEmpty()) {
      fields.put("controls", controls(fragment));
    }
    Endpoint sender = fromClient ? conversation.client() : conversation.server();
    Endpoint receiver = fromClient ? conversation.server() : conversation.client();
    return TelemetryEvent.builder()
        .timeMicros(time)
        .tenant(conversation.tenant())
        .sensor(conversation.sensor())
        .source(new Endpoint(sender.ip(), sender.port(), sender.mac(), Integer.toString(frame.source())))
        .destination(new Endpoint(receiver.ip(), receiver.port(), receiver.mac(), Integer.toString(frame.destination())))
        .protocol(Dnp3TcpDecoder.PROTOCOL)
        .operation(name)
        .direction(function == FunctionCodes.UNSOLICITED_RESPONSE ? Direction.UNSOLICITED
            : fragment.isResponse() ? Direction.RESPONSE : Direction.REQUEST)
        .fields(fields)
        .payloadSize(size)
        .malformed(fragment.problem())
        .build();
  }

  private static List<Map<String, Object>> objects(ApplicationFragment fragment) {
    List<Map<String, Object>> out = new ArrayList<>(fragment.headers().size());
    for (ObjectHeader h : fragment.headers()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("group", h.group());
      o.put("variation", h.variation());
      o.put("qualifier", h.qualifier());
      o.put("prefix_code", h.prefixCode());
      o.put("range_code", h.rangeCode());
      o.put("object_type", ObjectNames.describe(h.group(), h.variation()));
      o.put("object_count", h.count());
      if (h.hasRange()) {
        o.put("range_low", h.start());
        o.put("range_high", h.stop());
      }
      out.add(Map.copyOf(o));
    }
    return List.copyOf(out);
  }

  private static List<Map<String, Object>> controls(ApplicationFragment fragment) {
    List<Map<String, Object>> out = new ArrayList<>(fragment.controls().size());
    for (ControlBlock c : fragment.controls()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("block_type", c.blockType());
      o.put("index_number", c.index());
      if (c.isAnalog()) {
        o.put("value", c.value() == null ? 0 : c.value());
      } else {
        o.put("trip_control_code", c.tripControlCode());
        o.put("operation_type", c.operationType());
        o.put("clear_bit", c.clear());
        o.put("execute_count", c.count());
        o.put("on_time", c.onTime());
        o.put("off_time", c.offTime());
      }
      if (fragment.isResponse()) {
        o.put("status_code", c.statusName());
      }
      out.add(Map.copyOf(o));
    }
    return List.copyOf(out);
  }
}
