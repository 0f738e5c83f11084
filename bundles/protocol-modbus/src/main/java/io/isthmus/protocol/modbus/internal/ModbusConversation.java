package io.isthmus.protocol.modbus.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * One Modbus/TCP connection. Splits each direction into MBAP frames (transaction id, protocol id
 * 0, a length of 2-254, unit id), decodes each PDU into an event, and pairs responses with
 * requests by transaction id. A frame with a bad length, and bytes after a gap, are skipped up to
 * the next plausible header; a conversation that keeps failing to frame is given up. When the sink
 * wants Zeek rows, each frame also gives Zeek's and ICSNPP's rows ({@link ZeekModbusLog},
 * {@link IcsnppLogs}); ICSNPP's pairing differs from the events' (it ignores unit and function),
 * so the two keep separate books.
 */
final class ModbusConversation implements ConversationDecoder {
  static final int HEADER = 7;
  static final int MIN_LENGTH = 2;
  static final int MAX_LENGTH = 254;
  private static final int MAX_PENDING = 256;
  /** Framing errors in a row after which the conversation is taken not to be Modbus. */
  private static final int MAX_FRAMING_ERRORS = 16;
  /** Bytes searched for a plausible frame after which the conversation is taken not to be Modbus. */
  private static final int MAX_RESYNC_BYTES = 4096;

  private enum Verdict { ACCEPT, REJECT, WAIT }

  /** Framing state of one direction. */
  private static final class Framing {
    boolean resyncing;
    long skipped;
  }

  private final Conversation conversation;
  private final PendingRequests pending = new PendingRequests(MAX_PENDING);
  private final Framing fromClient = new Framing();
  private final Framing fromServer = new Framing();
  /** The PDU being decoded (a Pdu reads it and is dropped before the next). */
  private final byte[] frame = new byte[MAX_LENGTH];
  private int framingErrors;
  private boolean abandoned;
  /** The last unit's device endpoint: a connection mostly talks to one unit. */
  private @Nullable Endpoint device;
  private int deviceUnit;
  /** ICSNPP's logs, made on the first PDU of a sink that wants Zeek rows. */
  private @Nullable IcsnppLogs icsnpp;

  ModbusConversation(Conversation conversation) {
    this.conversation = conversation;
  }

  @Override
  public void onData(boolean client, long timeMicros, ByteBuffer data, DecodeSink sink) {
    Framing framing = client ? fromClient : fromServer;
    // Zeek drops the rest of the chunk it parses once its grammar throws: no Zeek rows after that.
    boolean zeekSilent = false;
    while (!abandoned && data.remaining() >= HEADER) {
      int at = data.position();
      if (framing.resyncing) {
        Verdict v = plausibleAt(data, at, true);
        if (v == Verdict.WAIT) {
          return;
        }
        if (v == Verdict.REJECT) {
          data.position(at + 1);
          if (++framing.skipped > MAX_RESYNC_BYTES) {
            abandon(timeMicros, sink, "no plausible MBAP header in " + MAX_RESYNC_BYTES + " bytes");
          }
          continue;
        }
        if (framing.skipped > 0) {
          sink.weird(timeMicros, "modbus_resync", framing.skipped + " bytes " + (client ? "from the client" : "from the server")
              + " skipped to the next plausible MBAP header");
        }
        framing.resyncing = false;
        framing.skipped = 0;
      }
      int transaction = u16(data, at);
      int protocol = u16(data, at + 2);
      int length = u16(data, at + 4);
      int unit = data.get(at + 6) & 0xff;
      if (length < MIN_LENGTH || length > MAX_LENGTH) {
        if (length > MAX_LENGTH && protocol == 0 && data.remaining() > HEADER && sink.wantsLogs() && !zeekSilent) {
          // Zeek reads this header (and logs it) before it waits for the absurd frame.
          logHeader(client, timeMicros, transaction, unit, data.get(at + HEADER) & 0xff, sink);
        }
        zeekSilent = true;
        framingError(timeMicros, sink, "modbus_bad_length", "MBAP length " + length + " (transaction " + transaction
            + ", unit " + unit + "); a frame holds 2-254 bytes after the length");
        framing.resyncing = true;
        data.position(at + 1);
        framing.skipped = 1;
        continue;
      }
      if (data.remaining() < 6 + length) {
        return;
      }
      data.position(at + 6 + length);
      if (protocol != 0) {
        zeekSilent = true;
        framingError(timeMicros, sink, "modbus_bad_protocol_id", "MBAP protocol id " + protocol + " (transaction "
            + transaction + "), not 0; the frame is skipped");
        continue;
      }
      framingErrors = 0;
      // Copied out once: a byte array reads faster than a (read-only) buffer, byte by byte.
      data.get(at + HEADER, frame, 0, length - 1);
      Pdu pdu = new Pdu(frame, 0, length - 1);
      sink.emit(event(client, timeMicros, transaction, unit, pdu, 6 + length, sink));
      if (sink.wantsLogs()) {
        if (!zeekSilent) {
          log(client, timeMicros, transaction, unit, pdu, sink);
        }
        zeekSilent |= ZeekGrammar.throwsOn(pdu, client);
      }
    }
    if (abandoned) {
      data.position(data.limit());
    }
  }

  @Override
  public void onGap(boolean client, long timeMicros, long missingBytes, DecodeSink sink) {
    Framing framing = client ? fromClient : fromServer;
    framing.resyncing = true;
    framing.skipped = 0;
  }

  @Override
  public void onClose(long timeMicros, DecodeSink sink) {
    if (icsnpp != null) {
      icsnpp.close(sink);
    }
  }

  private IcsnppLogs icsnpp() {
    if (icsnpp == null) {
      icsnpp = new IcsnppLogs(conversation);
    }
    return icsnpp;
  }

  private void log(boolean client, long time, int transaction, int unit, Pdu pdu, DecodeSink sink) {
    ZeekModbusLog.write(time, transaction, unit, pdu, client, sink);
    if (client) {
      icsnpp().request(time, transaction, unit, pdu, sink);
    } else {
      icsnpp().response(time, transaction, unit, pdu, sink);
    }
  }

  /** The rows Zeek writes for a header whose frame it never completes. */
  private void logHeader(boolean client, long time, int transaction, int unit, int function, DecodeSink sink) {
    if (function < 0x80) {
      ZeekModbusLog.writeHeader(time, transaction, unit, function, client, sink);
      icsnpp().headerOnly(time, transaction, unit, function, sink);
    }
  }

  private TelemetryEvent event(boolean client, long time, int transaction, int unit, Pdu pdu, int size,
      DecodeSink sink) {
    int function = pdu.function();
    boolean wanted = sink.wantsEvents();
    Fields fields = new Fields(wanted);
    if (wanted) {
      fields.put("tid", transaction).put("unit", unit).put("func", FunctionCodes.zeekFunc(function))
          .put("func_code", function & 0x7f).put("func_class", FunctionCodes.functionClass(function))
          .put("request_response", client ? "REQUEST" : "RESPONSE");
    }
    if (function == 0 || function == 0x80) {
      fields.malformed("modbus_bad_function_code", "function code " + function + " is not a function");
    } else if (client) {
      if (function >= 0x80) {
        fields.malformed("modbus_bad_function_code", "a request with exception function code " + function);
      } else {
        pending.put(transaction, RequestFields.decode(pdu, unit, fields));
      }
    } else {
      Request request = pending.match(transaction, unit, function);
      fields.put("matched", request != null);
      ResponseFields.decode(pdu, request, fields);
    }
    if (fields.problem != null) {
      sink.weird(time, fields.weird, fields.problem + " (transaction " + transaction + ", unit " + unit + ")");
    }
    Endpoint device = deviceEndpoint(unit);
    // The record's constructor, not its builder: one object less per PDU on the hot path.
    return new TelemetryEvent(time, conversation.tenant(), conversation.sensor(),
        client ? conversation.client() : device, client ? device : conversation.client(),
        ModbusDecoder.PROTOCOL, operation(function, fields), client ? Direction.REQUEST : Direction.RESPONSE,
        // A sink that only counts events (it writes rows) gets them without fields (UMAS unnamed).
        fields.values, size, fields.problem);
  }

  /**
   * The function's name; for Schneider's UMAS (function 90) the UMAS function instead, such as
   * {@code UMAS_STOP_PLC}, taken from the request for its response.
   */
  private static String operation(int function, Fields fields) {
    Object umas = fields.values.get("umas_func");
    if (umas == null) {
      return FunctionCodes.operation(function);
    }
    return function >= 0x80 ? "UMAS_" + umas + "_EXCEPTION" : "UMAS_" + umas;
  }

  /** The server, with the unit id as the device behind it (a gateway serves several units). */
  private Endpoint deviceEndpoint(int unit) {
    Endpoint d = device;
    if (d == null || deviceUnit != unit) {
      Endpoint s = conversation.server();
      d = new Endpoint(s.ip(), s.port(), s.mac(), Integer.toString(unit));
      device = d;
      deviceUnit = unit;
    }
    return d;
  }

  private void framingError(long time, DecodeSink sink, String name, String detail) {
    sink.weird(time, name, detail);
    if (++framingErrors >= MAX_FRAMING_ERRORS) {
      abandon(time, sink, MAX_FRAMING_ERRORS + " framing errors in a row");
    }
  }

  private void abandon(long time, DecodeSink sink, String why) {
    abandoned = true;
    sink.weird(time, "modbus_not_modbus", why + ": the conversation is taken not to be Modbus/TCP and no longer decoded");
  }

  /**
   * Whether a frame starts at {@code at}: protocol id 0, a length in range, a function code; and,
   * when the bytes are there, the frame after it too. {@code WAIT} when more bytes are needed.
   */
  private static Verdict plausibleAt(ByteBuffer data, int at, boolean checkNext) {
    int available = data.limit() - at;
    if (available < HEADER + 1) {
      return Verdict.WAIT;
    }
    int length = u16(data, at + 4);
    int function = data.get(at + HEADER) & 0xff;
    if (u16(data, at + 2) != 0 || length < MIN_LENGTH || length > MAX_LENGTH || function == 0 || function == 0x80) {
      return Verdict.REJECT;
    }
    if (!checkNext) {
      return Verdict.ACCEPT;
    }
    int next = at + 6 + length;
    if (data.limit() < next) {
      return Verdict.WAIT;
    }
    if (data.limit() == next) {
      return Verdict.ACCEPT;
    }
    Verdict following = plausibleAt(data, next, false);
    return following == Verdict.REJECT ? Verdict.REJECT : Verdict.ACCEPT;
  }

  /** Big-endian whatever the buffer's order (one read instead of two: a header is read per frame). */
  private static int u16(ByteBuffer b, int at) {
    short v = b.getShort(at);
    return Short.toUnsignedInt(b.order() == ByteOrder.BIG_ENDIAN ? v : Short.reverseBytes(v));
  }
}
