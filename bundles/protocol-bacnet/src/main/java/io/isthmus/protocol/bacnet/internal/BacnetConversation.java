package io.isthmus.protocol.bacnet.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The BACnet/IP datagrams between two B/IP addresses. Each datagram is one BVLC message: a BVLC
 * function of its own, a network-layer message or an APDU, and becomes one event (a segment of
 * a segmented message too; the last one carries the reassembled parameters). ICSNPP's bacnet,
 * bacnet_discovery, bacnet_property and bacnet_device_control rows are built only when wanted.
 */
final class BacnetConversation implements ConversationDecoder {
  /** Largest UDP payload; a bigger buffer offered is decoded only up to this. */
  static final int MAX_DATAGRAM = 65_535;

  private final Conversation conversation;
  private final DeviceDirectory devices;
  private final ApduDecoding apdus = new ApduDecoding();
  private byte[] buffer = new byte[1500];

  BacnetConversation(Conversation conversation, DeviceDirectory devices) {
    this.conversation = conversation;
    this.devices = devices;
  }

  @Override
  public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {
    int n = Math.min(data.remaining(), MAX_DATAGRAM);
    if (buffer.length < n) {
      buffer = new byte[Math.max(n, buffer.length * 2)];
    }
    data.get(buffer, 0, n);
    data.position(data.limit());
    Layers l = Layers.parse(buffer, n);
    if (l.undecodable) {
      sink.weird(timeMicros, l.weird == null ? "bacnet_bad_bvlc" : l.weird, l.problem + " " + direction(fromClient));
      return;
    }
    Datagram d = new Datagram(fromClient, timeMicros, sink, l);
    if (sink.wantsLogs() && !l.zeekSilent) {
      d.header = headerRow(fromClient, l);
      d.rows = new ZeekRows(new ZeekRows.Out() {
        @Override
        public Map<String, Object> row() {
          return baseRow(fromClient);
        }

        @Override
        public void write(String path, Map<String, Object> row) {
          sink.log(timeMicros, path, row);
        }
      });
    }
    layerFields(d, l);
    if (l.weird != null) {
      d.malformed(l.weird, l.problem + " " + direction(fromClient));
    }
    if (!l.hasNpdu) {
      d.operation = Operations.bvlc(l.function);
      d.direction = Operations.bvlcDirection(l.function);
    } else if (l.messageType >= 0) {
      d.operation = Operations.networkMessage(l.messageType);
      d.direction = Operations.networkDirection(l.messageType);
    } else if (!l.npduFailed) {
      apdus.decode(d, buffer);
    }
    if (d.header != null) {
      sink.log(timeMicros, "bacnet", d.header);
    }
    if (d.operation != null) {
      sink.emit(event(d, n));
    }
  }

  @Override
  public void onClose(long timeMicros, DecodeSink sink) {
    apdus.close(timeMicros, sink);
  }

  private void layerFields(Datagram d, Layers l) {
    Map<String, Object> f = d.fields;
    f.put("bvlc_function", Names.BVLC_FUNCTIONS.name(l.function));
    if (l.resultCode >= 0) {
      f.put("result_code", Names.BVLC_RESULTS.name(l.resultCode));
    }
    if (l.originIp != null) {
      f.put("original_source_h", l.originIp);
      f.put("original_source_p", l.originPort);
    }
    if (l.ttl >= 0) {
      f.put("time_to_live", l.ttl);
    }
    if (l.entries >= 0) {
      f.put("table_entries", l.entries);
    }
    if (l.dnet >= 0) {
      f.put("dnet", l.dnet);
      f.put("dadr", l.dadr);
      f.put("hop_count", l.hopCount);
    }
    if (l.snet >= 0) {
      f.put("snet", l.snet);
      f.put("sadr", l.sadr);
    }
    if (l.messageType >= 0) {
      f.put("pdu_type", "NPDU");
      f.put("pdu_service", Names.NPDU_MESSAGE_TYPES.name(l.messageType));
      if (l.vendorId >= 0) {
        f.put("vendor_id", l.vendorId);
      }
    }
  }

  /** The bacnet.log row of the datagram, with what the BVLC and NPDU layers give. */
  private Map<String, Object> headerRow(boolean fromClient, Layers l) {
    Map<String, Object> h = baseRow(fromClient);
    h.put("bvlc_function", Names.BVLC_FUNCTIONS.name(l.function));
    if (l.function == Layers.BVLC_RESULT) {
      h.put("result_code", Names.BVLC_RESULTS.name((byte) l.resultCode));
    }
    if (l.zeekMessageType >= 0) {
      // ICSNPP takes the octet after the NPDU control octet as the message type.
      h.put("pdu_type", "NPDU");
      h.put("pdu_service", Names.NPDU_MESSAGE_TYPES.name(l.zeekMessageType));
    }
    return h;
  }

  private Map<String, Object> baseRow(boolean fromClient) {
    Endpoint from = fromClient ? conversation.client() : conversation.server();
    Endpoint to = fromClient ? conversation.server() : conversation.client();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("is_orig", fromClient);
    row.put("source_h", from.ip());
    row.put("source_p", from.port());
    row.put("destination_h", to.ip());
    row.put("destination_p", to.port());
    return row;
  }

  private TelemetryEvent event(Datagram d, int size) {
    Endpoint source = d.fromClient ? conversation.client() : conversation.server();
    Endpoint destination = d.fromClient ? conversation.server() : conversation.client();
    Layers l = d.layers;
    if (l.function == Layers.FORWARDED_NPDU && l.originIp != null) {
      // A BBMD relays the datagram: the device that sent it is the originating B/IP address.
      source = new Endpoint(l.originIp, l.originPort, null, null);
    }
    if (d.senderDevice >= 0) {
      devices.learn(source.ip(), source.port(), d.senderDevice);
    }
    if (d.targetDevice >= 0) {
      devices.learn(destination.ip(), destination.port(), d.targetDevice);
    }
    return TelemetryEvent.builder()
        .timeMicros(d.time)
        .tenant(conversation.tenant())
        .sensor(conversation.sensor())
        .source(withDevice(source))
        .destination(withDevice(destination))
        .protocol(BacnetDecoder.PROTOCOL)
        .operation(d.operation == null ? "UNKNOWN" : d.operation)
        .direction(d.direction)
        .fields(d.fields)
        .payloadSize(size)
        .malformed(d.malformed)
        .build();
  }

  private Endpoint withDevice(Endpoint e) {
    Long instance = devices.instance(e.ip(), e.port());
    return instance == null ? e : new Endpoint(e.ip(), e.port(), e.mac(), Long.toString(instance));
  }

  private static String direction(boolean fromClient) {
    return fromClient ? "(from the client)" : "(from the server)";
  }
}
