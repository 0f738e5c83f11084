package io.isthmus.api.decode;

import java.nio.ByteBuffer;

/**
 * Decodes one conversation. Called by one thread at a time, in capture order. Must never throw
 * for bad input: report it with {@link DecodeSink#weird} and carry on.
 */
public interface ConversationDecoder {

  /**
   * The next in-order bytes of one direction. For TCP, consume whole PDUs and leave the bytes
   * of an incomplete one unread (do not advance the buffer's position past them): they are
   * offered again, followed by more data. For UDP, {@code data} is exactly one datagram.
   *
   * @param fromClient whether the client sent these bytes
   */
  void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink);

  /** Bytes of one direction were lost (not captured); resynchronise on what follows. */
  default void onGap(boolean fromClient, long timeMicros, long missingBytes, DecodeSink sink) {}

  /** The conversation ended (FIN, RST, idle timeout or end of capture). */
  default void onClose(long timeMicros, DecodeSink sink) {}
}
