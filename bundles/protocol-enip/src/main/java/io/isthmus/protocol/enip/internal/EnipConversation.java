package io.isthmus.protocol.enip.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import java.nio.ByteBuffer;

/**
 * One EtherNet/IP conversation. Over TCP, splits each direction into encapsulation messages
 * (24-byte header and the length it gives), resynchronising on the next plausible header after a
 * bad one or a gap; a conversation that keeps failing to frame is given up. Over UDP, a datagram
 * is connected I/O when it starts as a Common Packet Format with a sequenced or connected address
 * item, else one encapsulation message.
 */
final class EnipConversation implements ConversationDecoder {
  private static final int MAX_FRAMING_ERRORS = 16;
  private static final int MAX_RESYNC_BYTES = 4096;

  private final Conversation conversation;
  private final boolean udp;
  private final CipDecoder cip = new CipDecoder();
  private final Encapsulation encapsulation = new Encapsulation(cip);
  private final boolean[] resyncing = new boolean[2];
  private final long[] skipped = new long[2];
  private int framingErrors;
  private boolean abandoned;
  private long serial;

  EnipConversation(Conversation conversation, boolean udp) {
    this.conversation = conversation;
    this.udp = udp;
  }

  @Override
  public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {
    if (udp) {
      datagram(fromClient, timeMicros, data, sink);
      data.position(data.limit());
      return;
    }
    int side = fromClient ? 0 : 1;
    while (!abandoned && data.remaining() >= Encapsulation.HEADER) {
      int at = data.position();
      if (resyncing[side]) {
        if (!Encapsulation.plausible(data, at)) {
          data.position(at + 1);
          if (++skipped[side] > MAX_RESYNC_BYTES) {
            abandon(timeMicros, sink, "no plausible encapsulation header in " + MAX_RESYNC_BYTES + " bytes");
          }
          continue;
        }
        if (skipped[side] > 0) {
          sink.weird(timeMicros, "enip_resync", skipped[side] + " bytes " + (fromClient ? "from the client" : "from the server")
              + " skipped to the next plausible encapsulation header");
        }
        resyncing[side] = false;
        skipped[side] = 0;
      }
      int command = Le.u16(data, at);
      long status = Le.u32(data, at + 8);
      if (!Encapsulation.acceptable(command, status)) {
        framingError(timeMicros, sink, String.format("encapsulation command 0x%04x with status 0x%08x is not"
            + " EtherNet/IP; looking for the next header", command, status));
        resyncing[side] = true;
        skipped[side] = 1;
        data.position(at + 1);
        continue;
      }
      int total = Encapsulation.HEADER + Le.u16(data, at + 2);
      if (data.remaining() < total) {
        return;
      }
      data.position(at + total);
      framingErrors = 0;
      encapsulation.decode(data, at, at + total, new Pdu(conversation, sink, timeMicros, fromClient, total, serial++));
    }
    if (abandoned) {
      data.position(data.limit());
    }
  }

  @Override
  public void onGap(boolean fromClient, long timeMicros, long missingBytes, DecodeSink sink) {
    int side = fromClient ? 0 : 1;
    resyncing[side] = true;
    skipped[side] = 0;
  }

  private void datagram(boolean fromClient, long time, ByteBuffer data, DecodeSink sink) {
    int start = data.position();
    int end = data.limit();
    Pdu pdu = new Pdu(conversation, sink, time, fromClient, end - start, serial++);
    if (CipIo.looksLikeIo(data, start, end)) {
      CipIo.decode(data, start, end, pdu);
      return;
    }
    if (end - start < Encapsulation.HEADER) {
      sink.weird(time, "enip_short_datagram", (end - start) + "-byte datagram is neither CIP I/O nor an encapsulation message");
      return;
    }
    int command = Le.u16(data, start);
    long status = Le.u32(data, start + 8);
    int total = Encapsulation.HEADER + Le.u16(data, start + 2);
    if (!Encapsulation.acceptable(command, status)) {
      sink.weird(time, "enip_not_enip", String.format("datagram with command 0x%04x and status 0x%08x is neither CIP"
          + " I/O nor an encapsulation message", command, status));
      return;
    }
    if (total > end - start) {
      sink.weird(time, "enip_bad_length", "encapsulation length " + (total - Encapsulation.HEADER) + " exceeds the "
          + (end - start - Encapsulation.HEADER) + " bytes after the header in the datagram");
      return;
    }
    if (total < end - start) {
      sink.weird(time, "enip_trailing_bytes", (end - start - total) + " bytes after the encapsulation message ignored");
    }
    encapsulation.decode(data, start, start + total, pdu);
  }

  private void framingError(long time, DecodeSink sink, String detail) {
    sink.weird(time, "enip_bad_header", detail);
    if (++framingErrors >= MAX_FRAMING_ERRORS) {
      abandon(time, sink, MAX_FRAMING_ERRORS + " framing errors in a row");
    }
  }

  private void abandon(long time, DecodeSink sink, String why) {
    abandoned = true;
    sink.weird(time, "enip_not_enip", why + ": the conversation is taken not to be EtherNet/IP and no longer decoded");
  }
}
