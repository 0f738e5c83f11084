package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/**
 * Groups TCP segments and UDP datagrams into conversations and routes each new conversation to
 * the decoder of its server port. The server is the side whose port a decoder lists, the
 * responder's first if the handshake shows who opened the connection; a conversation no decoder
 * claims is counted and otherwise ignored.
 */
final class ConversationTracker {
  private static final long EXPIRY_INTERVAL_MICROS = 1_000_000;

  private final ReplaySettings settings;
  private final DecoderRegistry decoders;
  private final ConversationIds ids;
  private final String tenant;
  private final String sensor;
  private final ReplayStats stats;
  private final Weirds weirds;
  private final DecodeOutput events;
  private final BufferBudget budget;
  private final FlowTable table;
  private final FlowKey probe = new FlowKey();
  private int decodersSeen;
  private long nextExpiry = Long.MIN_VALUE;

  ConversationTracker(ReplaySettings settings, DecoderRegistry decoders, ConversationIds ids, String tenant,
      String sensor, ReplayStats stats, Weirds weirds, DecodeOutput events) {
    this.settings = settings;
    this.decoders = decoders;
    this.ids = ids;
    this.tenant = tenant;
    this.sensor = sensor;
    this.stats = stats;
    this.weirds = weirds;
    this.events = events;
    this.budget = new BufferBudget(settings.maxBufferedBytes());
    this.table = new FlowTable(settings.maxFlows(), settings.tcpIdleMicros(), settings.udpIdleMicros());
    this.decodersSeen = decoders.generation();
  }

  void packet(Packet p) {
    long now = p.timeMicros;
    if (now >= nextExpiry) {
      table.expire(now, f -> f.close(now));
      nextExpiry = now + EXPIRY_INTERVAL_MICROS;
    }
    if (decoders.generation() != decodersSeen) {
      detachDeparted();
    }
    boolean tcp = p.protocol == Packet.TCP;
    boolean sourceIsA = probe.set(p);
    Flow flow = table.get(probe);
    if (flow != null && tcp && flow.restartedBy(p, sourceIsA == flow.aIsClient)) {
      table.remove(flow);
      flow.close(now);
      flow = null;
    }
    if (flow == null) {
      if (tcp && !p.has(Packet.SYN) && p.payloadLength + p.missing == 0) {
        // A bare ACK, FIN or RST of a connection not (or no longer) tracked.
        return;
      }
      flow = open(p, sourceIsA, tcp);
    }
    flow.lastSeen = now;
    boolean fromClient = sourceIsA == flow.aIsClient;
    if (flow.ignored()) {
      if (tcp && p.has(Packet.RST | Packet.FIN)) {
        table.remove(flow);
      }
      return;
    }
    if (tcp) {
      flow.tcp(p, fromClient);
      if (flow.closed()) {
        table.remove(flow);
      }
    } else {
      flow.udp(p, fromClient);
    }
  }

  /** The capture ended: every conversation is closed, held bytes delivered. */
  void finish(long now) {
    table.clear(f -> f.close(now));
  }

  int tracked() {
    return table.size();
  }

  long bufferedBytes() {
    return budget.used();
  }

  private Flow open(Packet p, boolean sourceIsA, boolean tcp) {
    Transport transport = tcp ? Transport.TCP : Transport.UDP;
    // Who opened it: the SYN's sender, the SYN-ACK's receiver, a UDP conversation's first sender.
    boolean sourceOpened = !tcp || !p.has(Packet.SYN) || !p.has(Packet.ACK);
    boolean handshakeSeen = !tcp || p.has(Packet.SYN);
    ProtocolDecoder atSource = decoders.find(transport, p.sourcePort);
    ProtocolDecoder atDestination = decoders.find(transport, p.destinationPort);
    boolean serverIsSource;
    ProtocolDecoder decoder;
    if (handshakeSeen && !sourceOpened) {
      serverIsSource = atSource != null || atDestination == null;
      decoder = atSource != null ? atSource : atDestination;
    } else {
      serverIsSource = atDestination == null && atSource != null;
      decoder = atDestination != null ? atDestination : atSource;
    }
    boolean aIsClient = sourceIsA != serverIsSource;
    Conversation conversation = null;
    if (decoder != null) {
      Endpoint source = endpoint(p.source, p.addressLength, p.sourcePort, p.sourceMac);
      Endpoint destination = endpoint(p.destination, p.addressLength, p.destinationPort, p.destinationMac);
      conversation = new Conversation(ids.next(), transport, serverIsSource ? destination : source,
          serverIsSource ? source : destination, tenant, sensor);
      stats.conversations++;
    } else {
      stats.ignoredConversations++;
    }
    Flow flow = new Flow(probe.copy(), aIsClient, decoder, conversation, tcp && decoder != null, settings, budget,
        stats, weirds, events);
    table.put(flow, this::evicted);
    flow.open(p.timeMicros);
    return flow;
  }

  private void evicted(Flow f) {
    stats.evictedConversations++;
    if (!f.ignored()) {
      f.weird(f.lastSeen, "flow_evicted", "more than " + settings.maxFlows() + " conversations at once; " + f
          + " is closed early");
    }
    f.close(f.lastSeen);
  }

  /** Conversations whose decoder's service went away stop being decoded (its bundle may be gone). */
  private void detachDeparted() {
    decodersSeen = decoders.generation();
    for (Flow f : table.flows()) {
      ProtocolDecoder d = f.protocol;
      if (d != null && f.decoding() && !decoders.contains(d)) {
        f.detach();
      }
    }
  }

  private static Endpoint endpoint(byte[] address, int length, int port, long mac) {
    return new Endpoint(InetText.address(address, length), port, mac < 0 ? null : InetText.mac(mac), null);
  }
}
