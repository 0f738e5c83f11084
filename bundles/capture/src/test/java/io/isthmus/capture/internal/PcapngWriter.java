package io.isthmus.capture.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcapng files in memory: sections, interfaces with options, packet blocks. */
final class PcapngWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteOrder order;

  PcapngWriter(ByteOrder order) {
    section(order);
  }

  PcapngWriter section(ByteOrder newOrder) {
    this.order = newOrder;
    ByteBuffer body = buffer(16);
    body.putInt(PcapngReader.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
    return block(PcapngReader.SECTION_HEADER, body.array());
  }

  /** An interface; {@code tsresol} is the raw option byte, -1 for none; {@code tsoffset} seconds, 0 for none. */
  PcapngWriter iface(int linkType, int snapLength, int tsresol, long tsoffset) {
    ByteBuffer body = buffer(8 + 8 + 12 + 4);
    body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
    if (tsresol >= 0) {
      body.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
    }
    if (tsoffset != 0) {
      body.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
    }
    body.putShort((short) 0).putShort((short) 0);
    return block(PcapngReader.INTERFACE_DESCRIPTION, slice(body));
  }

  PcapngWriter epb(int iface, long timestamp, byte[] frame) {
    return epb(iface, timestamp, frame, frame.length);
  }

  PcapngWriter epb(int iface, long timestamp, byte[] frame, int captured) {
    ByteBuffer body = buffer(20 + pad(captured));
    body.putInt(iface).putInt((int) (timestamp >>> 32)).putInt((int) timestamp).putInt(captured).putInt(frame.length);
    body.put(frame, 0, captured);
    return block(PcapngReader.ENHANCED_PACKET, body.array());
  }

  PcapngWriter spb(byte[] frame) {
    ByteBuffer body = buffer(4 + pad(frame.length));
    body.putInt(frame.length).put(frame);
    return block(PcapngReader.SIMPLE_PACKET, body.array());
  }

  PcapngWriter block(int type, byte[] body) {
    int length = 12 + pad(body.length);
    ByteBuffer b = buffer(length);
    b.putInt(type).putInt(length).put(body);
    b.position(length - 4);
    b.putInt(length);
    out.writeBytes(b.array());
    return this;
  }

  PcapngWriter raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(order);
  }

  private static byte[] slice(ByteBuffer b) {
    byte[] a = new byte[b.position()];
    System.arraycopy(b.array(), 0, a, 0, a.length);
    return a;
  }

  private static int pad(int n) {
    return n + 3 & ~3;
  }
}
