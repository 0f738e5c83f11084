package io.isthmus.capture.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds classic pcap files in memory, in either byte order, with µs or ns timestamps. */
final class PcapWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;

  private PcapWriter(ByteOrder order) {
    this.order = order;
  }

  static PcapWriter create(ByteOrder order, boolean nanos, int linkType, int snapLength) {
    PcapWriter w = new PcapWriter(order);
    ByteBuffer h = w.buffer(24);
    h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
        .putInt(snapLength).putInt(linkType);
    w.out.writeBytes(h.array());
    return w;
  }

  static PcapWriter ethernet() {
    return create(ByteOrder.LITTLE_ENDIAN, false, LinkLayer.ETHERNET, 262_144);
  }

  PcapWriter packet(long seconds, long fraction, byte[] frame) {
    return packet(seconds, fraction, frame, frame.length);
  }

  /** A record holding the first {@code captured} bytes of {@code frame}. */
  PcapWriter packet(long seconds, long fraction, byte[] frame, int captured) {
    ByteBuffer h = buffer(16);
    h.putInt((int) seconds).putInt((int) fraction).putInt(captured).putInt(frame.length);
    out.writeBytes(h.array());
    out.write(frame, 0, captured);
    return this;
  }

  /** A record header with arbitrary lengths and no data (for damaged files). */
  PcapWriter header(long seconds, long fraction, long captured, long original) {
    ByteBuffer h = buffer(16);
    h.putInt((int) seconds).putInt((int) fraction).putInt((int) captured).putInt((int) original);
    out.writeBytes(h.array());
    return this;
  }

  PcapWriter raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(order);
  }
}
