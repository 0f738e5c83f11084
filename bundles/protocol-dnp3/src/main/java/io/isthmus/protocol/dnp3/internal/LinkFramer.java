package io.isthmus.protocol.dnp3.internal;

import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads link-layer frames (IEEE 1815 clause 9): start octets 0x05 0x64, length, control,
 * destination and source addresses and a CRC over that header; then the user data in blocks of
 * up to 16 octets, each followed by its own CRC.
 */
final class LinkFramer {

  enum Kind {
    /** More bytes are needed for a whole frame. */
    WAIT,
    /** A frame with every CRC correct. */
    FRAME,
    /** No start octets here: skip to the next 0x05 0x64. */
    NO_START,
    /** A length octet below 5. */
    BAD_LENGTH,
    /** The header CRC is wrong, so its length cannot be trusted either. */
    BAD_HEADER_CRC,
    /** A data block's CRC is wrong: the frame is dropped whole. */
    BAD_DATA_CRC
  }

  /**
   * What {@link #read} found at one position.
   *
   * @param size bytes to consume (the frame, for FRAME and BAD_DATA_CRC)
   * @param badBlock the 1-based data block whose CRC failed, and {@code blocks} how many there are
   */
  record Outcome(Kind kind, @Nullable LinkFrame frame, int size, int control, int destination, int source,
      int badBlock, int blocks) {
    static Outcome of(Kind kind) {
      return new Outcome(kind, null, 0, 0, 0, 0, 0, 0);
    }
  }

  private LinkFramer() {}

  /** Reads the frame at absolute index {@code at} of {@code data} (up to its limit); moves nothing. */
  static Outcome read(ByteBuffer data, int at) {
    int available = data.limit() - at;
    if (available < 2) {
      return available == 1 && (data.get(at) & 0xff) != LinkFrame.START_1 ? Outcome.of(Kind.NO_START)
          : Outcome.of(Kind.WAIT);
    }
    if ((data.get(at) & 0xff) != LinkFrame.START_1 || (data.get(at + 1) & 0xff) != LinkFrame.START_2) {
      return Outcome.of(Kind.NO_START);
    }
    if (available < LinkFrame.HEADER) {
      return Outcome.of(Kind.WAIT);
    }
    if (!Crc16Dnp.blockValid(data, at, 8)) {
      return Outcome.of(Kind.BAD_HEADER_CRC);
    }
    int length = data.get(at + 2) & 0xff;
    if (length < LinkFrame.MIN_LENGTH) {
      return Outcome.of(Kind.BAD_LENGTH);
    }
    int control = data.get(at + 3) & 0xff;
    int destination = u16le(data, at + 4);
    int source = u16le(data, at + 6);
    int size = LinkFrame.wireSize(length);
    if (available < size) {
      return Outcome.of(Kind.WAIT);
    }
    int dataLength = length - LinkFrame.MIN_LENGTH;
    byte[] user = new byte[dataLength];
    int blocks = (dataLength + LinkFrame.BLOCK - 1) / LinkFrame.BLOCK;
    int from = at + LinkFrame.HEADER;
    for (int block = 0; block < blocks; block++) {
      int n = Math.min(LinkFrame.BLOCK, dataLength - block * LinkFrame.BLOCK);
      if (!Crc16Dnp.blockValid(data, from, n)) {
        return new Outcome(Kind.BAD_DATA_CRC, null, size, control, destination, source, block + 1, blocks);
      }
      data.get(from, user, block * LinkFrame.BLOCK, n);
      from += n + 2;
    }
    return new Outcome(Kind.FRAME, new LinkFrame(control, destination, source, user, size), size, control,
        destination, source, 0, blocks);
  }

  /** The absolute index of the next 0x05 0x64 at or after {@code from}, or of a trailing 0x05, or the limit. */
  static int nextStart(ByteBuffer data, int from) {
    for (int i = from; i < data.limit(); i++) {
      if ((data.get(i) & 0xff) == LinkFrame.START_1
          && (i + 1 == data.limit() || (data.get(i + 1) & 0xff) == LinkFrame.START_2)) {
        return i;
      }
    }
    return data.limit();
  }

  private static int u16le(ByteBuffer b, int at) {
    return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8;
  }
}
