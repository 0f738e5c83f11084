package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One conversation: its TCP streams (or UDP datagrams) and the decoder they feed. A decoder that
 * throws is detached with a weird; the capture goes on without it.
 */
final class Flow implements DecodeSink {
  final FlowKey key;
  /** Whether side {@code a} of the key is the client. */
  final boolean aIsClient;
  final @Nullable ProtocolDecoder protocol;
  private final @Nullable Conversation conversation;
  private @Nullable ConversationDecoder decoder;
  private final ReplayStats stats;
  private final Weirds weirds;
  private final DecodeOutput events;
  private final DecoderFeed fromClient;
  private final DecoderFeed fromServer;
  private final @Nullable TcpStream toServer;
  private final @Nullable TcpStream toClient;
  long lastSeen;
  private boolean closed;

  Flow(FlowKey key, boolean aIsClient, @Nullable ProtocolDecoder protocol, @Nullable Conversation conversation,
      boolean tcp, ReplaySettings settings, BufferBudget budget, ReplayStats stats, Weirds weirds,
      DecodeOutput events) {
    this.key = key;
    this.aIsClient = aIsClient;
    this.protocol = protocol;
    this.conversation = conversation;
    this.stats = stats;
    this.weirds = weirds;
    this.events = events;
    this.fromClient = new DecoderFeed(this, true, settings.maxPendingBytes(), budget);
    this.fromServer = new DecoderFeed(this, false, settings.maxPendingBytes(), budget);
    this.toServer = tcp ? new TcpStream(settings.maxStreamBuffer(), budget, fromClient) : null;
    this.toClient = tcp ? new TcpStream(settings.maxStreamBuffer(), budget, fromServer) : null;
  }

  /** Opens the decoder for the conversation; a flow without one is tracked but ignored. */
  void open(long time) {
    if (protocol == null || conversation == null) {
      return;
    }
    try {
      decoder = protocol.open(conversation);
    } catch (RuntimeException | LinkageError e) {
      failed(time, "open", e);
    }
  }

  boolean ignored() {
    return protocol == null;
  }

  boolean decoding() {
    return decoder != null;
  }

  boolean closed() {
    return closed;
  }

  ReplayStats stats() {
    return stats;
  }

  String protocolName() {
    return protocol == null ? "no decoder" : protocol.protocol();
  }

  /** Whether a SYN from the client in this packet begins a new connection on the same ports. */
  boolean restartedBy(Packet p, boolean sentByClient) {
    return toServer != null && sentByClient && p.has(Packet.SYN) && !p.has(Packet.ACK) && toServer.isNewSyn(p.seq);
  }

  void tcp(Packet p, boolean sentByClient) {
    TcpStream out = sentByClient ? toServer : toClient;
    TcpStream back = sentByClient ? toClient : toServer;
    if (out == null || back == null || closed) {
      return;
    }
    long time = p.timeMicros;
    int seq = p.seq;
    if (p.has(Packet.SYN)) {
      out.syn(seq);
      seq++;
    }
    if (p.payloadLength + p.missing > 0 || p.has(Packet.FIN)) {
      out.segment(seq, p.payload, p.payloadOffset, p.payloadLength, p.missing, p.has(Packet.FIN), time);
    }
    if (p.has(Packet.ACK)) {
      back.acked(p.ack, time);
    }
    if (p.has(Packet.RST) || toServer.finished() && toClient.finished()) {
      close(time);
    }
  }

  void udp(Packet p, boolean sentByClient) {
    if (p.missing > 0) {
      gap(sentByClient, p.payloadLength + (long) p.missing, p.timeMicros);
      return;
    }
    (sentByClient ? fromClient : fromServer).datagram(p.payload, p.payloadOffset, p.payloadLength, p.timeMicros);
  }

  /** Ends the conversation: held bytes go out, holes as gaps, then the decoder is closed. */
  void close(long time) {
    if (closed) {
      return;
    }
    if (toServer != null && toClient != null) {
      toServer.flush(time);
      toClient.flush(time);
      toServer.discard();
      toClient.discard();
    }
    fromClient.clear();
    fromServer.clear();
    ConversationDecoder d = decoder;
    if (d != null) {
      try {
        d.onClose(time, this);
      } catch (RuntimeException | LinkageError e) {
        failed(time, "onClose", e);
      }
    }
    decoder = null;
    closed = true;
  }

  /** The decoder's service went away: forget it without calling into it again. */
  void detach() {
    decoder = null;
    fromClient.clear();
    fromServer.clear();
  }

  /** Offers bytes to the decoder; returns how many it consumed. */
  int offer(boolean sentByClient, long time, ByteBuffer data) {
    ConversationDecoder d = decoder;
    if (d == null) {
      return 0;
    }
    try {
      d.onData(sentByClient, time, data, this);
      return data.position();
    } catch (RuntimeException | LinkageError e) {
      failed(time, "onData", e);
      return 0;
    }
  }

  void gap(boolean sentByClient, long missing, long time) {
    ConversationDecoder d = decoder;
    if (d == null) {
      return;
    }
    try {
      d.onGap(sentByClient, time, missing, this);
    } catch (RuntimeException | LinkageError e) {
      failed(time, "onGap", e);
    }
  }

  @Override
  public void emit(TelemetryEvent event) {
    stats.events++;
    events.accept(event);
  }

  @Override
  public boolean wantsEvents() {
    return events.wantsEvents();
  }

  @Override
  public boolean wantsLogs() {
    return events.wantsLogs();
  }

  @Override
  public void log(long timeMicros, String path, Map<String, Object> row) {
    Conversation c = conversation;
    if (c != null) {
      events.log(c, timeMicros, path, row);
    }
  }

  @Override
  public void weird(long timeMicros, String name, String detail) {
    weirds.report(timeMicros, name, detail, conversation == null ? null : conversation.uid());
  }

  private void failed(long time, String call, Throwable e) {
    decoder = null;
    weird(time, "decoder_failure", protocolName() + " decoder threw " + e.getClass().getName() + " in " + call
        + ": " + e.getMessage() + "; it is detached from " + key);
  }

  @Override
  public String toString() {
    return key + (conversation == null ? "" : " " + conversation.uid());
  }
}
