package io.isthmus.protocol.enip.internal;

import java.io.ByteArrayOutputStream;

/** Builds EtherNet/IP and CIP bytes for tests, little-endian. */
final class Wire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static Wire of() {
    return new Wire();
  }

  Wire u8(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  Wire u16(int v) {
    return u8(v & 0xff, v >> 8 & 0xff);
  }

  Wire u32(long v) {
    return u16((int) (v & 0xffff)).u16((int) (v >> 16 & 0xffff));
  }

  Wire bytes(byte[] b) {
    out.writeBytes(b);
    return this;
  }

  byte[] build() {
    return out.toByteArray();
  }

  /** An encapsulation message: header with session 0x11223344, context 1..8, then body. */
  static byte[] encap(int command, long status, byte[] body) {
    return of().u16(command).u16(body.length).u32(0x11223344L).u32(status).u8(1, 2, 3, 4, 5, 6, 7, 8).u32(0)
        .bytes(body).build();
  }

  /** SendRRData with a null address item and an unconnected data item holding {@code cip}. */
  static byte[] sendRR(byte[] cip) {
    return encap(0x6f, 0, of().u32(0).u16(0).u16(2).u16(0).u16(0).u16(0xb2).u16(cip.length).bytes(cip).build());
  }

  /** SendUnitData with a connected address item and a connected data item (sequence count, then {@code cip}). */
  static byte[] sendUnit(long connection, int sequence, byte[] cip) {
    return encap(0x70, 0, of().u32(0).u16(0).u16(2).u16(0xa1).u16(4).u32(connection).u16(0xb1).u16(cip.length + 2)
        .u16(sequence).bytes(cip).build());
  }

  /** A CIP request: service, path size in words, path (padded by the caller), data. */
  static byte[] request(int service, byte[] path, byte[] data) {
    return of().u8(service, path.length / 2).bytes(path).bytes(data).build();
  }

  /** A CIP reply: service | 0x80, reserved, status, extended status words, data. */
  static byte[] reply(int service, int status, int[] extended, byte[] data) {
    Wire w = of().u8(service | 0x80, 0, status, extended.length);
    for (int e : extended) {
      w.u16(e);
    }
    return w.bytes(data).build();
  }

  /** An 8-bit class / 8-bit instance path, with an 8-bit attribute when {@code attribute >= 0}. */
  static byte[] path(int classId, int instance, int attribute) {
    Wire w = of().u8(0x20, classId, 0x24, instance);
    return attribute >= 0 ? w.u8(0x30, attribute).build() : w.build();
  }
}
