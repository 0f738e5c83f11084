package io.isthmus.protocol.dnp3.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * One DNP3 conversation over TCP or UDP: link frames with their CRCs checked, transport segments
 * joined into application fragments, one event per fragment. Bytes that are not a frame are
 * skipped to the next start octets; a frame with a bad CRC is dropped; a conversation that keeps
 * failing to frame is given up.
 */
final class Dnp3Conversation implements ConversationDecoder {
  /** Framing errors in a row after which the conversation is taken not to be DNP3. */
  private static final int MAX_FRAMING_ERRORS = 16;
  /** Bytes skipped in a row after which the conversation is taken not to be DNP3. */
  private static final int MAX_SKIPPED_BYTES = 4096;

  private final Conversation conversation;
  private final boolean udp;
  private final TransportReassembler transport = new TransportReassembler();
  private final long[] skipped = new long[2];
  private @Nullable ZeekRows rows;
  private int framingErrors;
  private boolean abandoned;

  Dnp3Conversation(Conversation conversation, boolean udp) {
    this.conversation = conversation;
    this.udp = udp;
  }

  @Override
  public void onData(boolean client, long timeMicros, ByteBuffer data, DecodeSink sink) {
    int side = client ? 0 : 1;
    while (!abandoned && data.hasRemaining()) {
      int at = data.position();
      LinkFramer.Outcome o = LinkFramer.read(data, at);
      switch (o.kind()) {
        case WAIT -> {
          if (!udp) {
            return;
          }
          sink.weird(timeMicros, "dnp3_truncated_frame", "datagram ends " + (data.limit() - at)
              + " bytes into a link frame " + side(client));
          data.position(data.limit());
        }
        case NO_START -> {
          int next = LinkFramer.nextStart(data, at + 1);
          skipped[side] += next - at;
          data.position(next);
          if (skipped[side] > MAX_SKIPPED_BYTES) {
            abandon(timeMicros, sink, "no link frame start in " + skipped[side] + " bytes " + side(client));
          }
        }
        case BAD_LENGTH -> framingError(client, timeMicros, sink, data, at, "dnp3_negative_or_zero_length_link_layer",
            "link length " + (data.get(at + 2) & 0xff) + " below 5 " + side(client) + "; skipped to the next frame");
        case BAD_HEADER_CRC -> framingError(client, timeMicros, sink, data, at, "dnp3_corrupt_header_checksum",
            "bad CRC on the header block of a link frame " + side(client) + "; skipped to the next frame");
        case BAD_DATA_CRC -> {
          reportSkipped(client, timeMicros, sink);
          data.position(at + o.size());
          TransportReassembler.Pair pair = new TransportReassembler.Pair(client, o.source(), o.destination());
          String why = "bad CRC on data block " + o.badBlock() + " of " + o.blocks() + " of the link frame from "
              + pair + " " + side(client);
          sink.weird(timeMicros, "dnp3_corrupt_app_chunk_checksum", why + "; the frame is dropped");
          zeekStops(sink);
          transport.discard(pair, timeMicros, sink, "its segment was lost to a bad CRC");
        }
        case FRAME -> {
          reportSkipped(client, timeMicros, sink);
          framingErrors = 0;
          data.position(at + o.size());
          frame(client, timeMicros, o.frame(), sink);
        }
      }
    }
    if (abandoned) {
      data.position(data.limit());
    } else if (udp) {
      reportSkipped(client, timeMicros, sink);
    }
  }

  @Override
  public void onGap(boolean client, long timeMicros, long missingBytes, DecodeSink sink) {
    transport.discardDirection(client);
  }

  @Override
  public void onClose(long timeMicros, DecodeSink sink) {
    if (rows != null) {
      rows.close(sink);
    }
  }

  private void frame(boolean client, long time, @Nullable LinkFrame frame, DecodeSink sink) {
    if (frame == null || frame.userData().length == 0) {
      return; // link-layer service frames (reset, test, status, ack) carry no fragment
    }
    TransportReassembler.Pair pair = new TransportReassembler.Pair(client, frame.source(), frame.destination());
    TransportReassembler.Fragment fragment = transport.offer(pair, frame.userData(), time, sink);
    if (transport.lastWasOrphan()) {
      zeekStops(sink);
    }
    if (fragment == null) {
      return;
    }
    byte[] bytes = fragment.bytes();
    if (bytes.length < ApplicationParser.REQUEST_HEADER) {
      sink.weird(time, "dnp3_fragment_too_short", "application fragment of " + bytes.length + " bytes from " + pair
          + " has no function code");
      zeekStops(sink);
      return;
    }
    ApplicationFragment decoded = ApplicationParser.parse(bytes);
    if (decoded.problem() != null) {
      sink.weird(time, decoded.weird(), decoded.problem() + " (" + FunctionCodes.name(decoded.function()) + " from "
          + pair + ")");
    }
    if (FunctionCodes.known(decoded.function()) == null) {
      sink.weird(time, "dnp3_unknown_function_code", "function code " + decoded.function() + " from " + pair
          + " is reserved");
    }
    sink.emit(Dnp3Events.event(conversation, client, time, frame, fragment.segments(), bytes.length, decoded));
    ZeekRows zeek = rows(sink);
    if (zeek != null) {
      zeek.fragment(client, time, bytes, decoded, sink);
    }
  }

  private @Nullable ZeekRows rows(DecodeSink sink) {
    if (rows == null && sink.wantsLogs()) {
      rows = new ZeekRows(conversation);
    }
    return rows;
  }

  /** Marks where Zeek's analyzer would stop analysing the connection (see {@link ZeekRows}). */
  private void zeekStops(DecodeSink sink) {
    ZeekRows zeek = rows(sink);
    if (zeek != null) {
      zeek.zeekStops();
    }
  }

  private void framingError(boolean client, long time, DecodeSink sink, ByteBuffer data, int at, String name,
      String detail) {
    reportSkipped(client, time, sink);
    zeekStops(sink);
    data.position(at + 1);
    sink.weird(time, name, detail);
    if (++framingErrors >= MAX_FRAMING_ERRORS) {
      abandon(time, sink, MAX_FRAMING_ERRORS + " bad link frames in a row");
    }
  }

  private void reportSkipped(boolean client, long time, DecodeSink sink) {
    int side = client ? 0 : 1;
    if (skipped[side] > 0) {
      zeekStops(sink);
      sink.weird(time, "dnp3_header_lacks_magic", skipped[side] + " bytes " + side(client)
          + " skipped to the next link frame start (0x05 0x64)");
      skipped[side] = 0;
    }
  }

  private void abandon(long time, DecodeSink sink, String why) {
    abandoned = true;
    sink.weird(time, "dnp3_not_dnp3", why + ": the conversation is taken not to be DNP3 and no longer decoded");
  }

  private static String side(boolean client) {
    return client ? "from the client" : "from the server";
  }
}
