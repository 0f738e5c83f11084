package io.isthmus.protocol.dnp3.internal;

import java.io.ByteArrayOutputStream;

/** Builds DNP3 link frames with correct CRCs, for tests that need exact bytes. */
final class Frames {
  /** Control octet of a master's unconfirmed user data (DIR, PRM, function 4). */
  static final int MASTER = 0xc4;
  /** Control octet of an outstation's unconfirmed user data (PRM, function 4). */
  static final int OUTSTATION = 0x44;

  private Frames() {}

  /** One link frame carrying {@code user} (transport header included). */
  static byte[] frame(int control, int destination, int source, byte[] user) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] header = {0x05, 0x64, (byte) (user.length + 5), (byte) control, (byte) destination,
        (byte) (destination >> 8), (byte) source, (byte) (source >> 8)};
    out.writeBytes(header);
    crc(out, header, 0, 8);
    for (int at = 0; at < user.length; at += 16) {
      int n = Math.min(16, user.length - at);
      out.write(user, at, n);
      crc(out, user, at, n);
    }
    return out.toByteArray();
  }

  /** An application fragment split into transport segments of at most 249 bytes, starting at {@code sequence}. */
  static byte[] fragment(int control, int destination, int source, int sequence, byte[] app) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int segments = Math.max(1, (app.length + 248) / 249);
    for (int i = 0; i < segments; i++) {
      int from = i * 249;
      int n = Math.min(249, app.length - from);
      byte[] user = new byte[n + 1];
      user[0] = (byte) ((i == 0 ? 0x40 : 0) | (i == segments - 1 ? 0x80 : 0) | ((sequence + i) & 0x3f));
      System.arraycopy(app, from, user, 1, n);
      out.writeBytes(frame(control, destination, source, user));
    }
    return out.toByteArray();
  }

  /** A master request from address 1 to outstation 10. */
  static byte[] request(int... app) {
    return fragment(MASTER, 10, 1, 0, bytes(app));
  }

  /** An outstation response from address 10 to master 1. */
  static byte[] response(int... app) {
    return fragment(OUTSTATION, 1, 10, 0, bytes(app));
  }

  static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static void crc(ByteArrayOutputStream out, byte[] data, int from, int n) {
    int crc = Crc16Dnp.of(data, from, n);
    out.write(crc & 0xff);
    out.write(crc >>> 8);
  }
}
