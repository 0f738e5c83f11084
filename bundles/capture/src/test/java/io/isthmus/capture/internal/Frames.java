package io.isthmus.capture.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/** Builds link, IP and transport headers for synthetic captures (checksums left zero: the reader ignores them). */
final class Frames {
  static final long CLIENT_MAC = 0x0200_0000_0001L;
  static final long SERVER_MAC = 0x0200_0000_0002L;

  private Frames() {}

  static byte[] ethernet(long source, long destination, int etherType, byte[] payload, int... vlans) {
    ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlans.length + payload.length);
    putMac(b, destination);
    putMac(b, source);
    for (int i = 0; i < vlans.length; i++) {
      b.putShort((short) (i == 0 && vlans.length > 1 ? 0x88a8 : 0x8100)).putShort((short) vlans[i]);
    }
    b.putShort((short) etherType).put(payload);
    return b.array();
  }

  static byte[] ethernet(byte[] ip) {
    return ethernet(CLIENT_MAC, SERVER_MAC, (ip[0] & 0xf0) == 0x60 ? 0x86dd : 0x0800, ip);
  }

  static byte[] sll(int etherType, long source, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(16 + payload.length);
    b.putShort((short) 0).putShort((short) 1).putShort((short) 6);
    putMac(b, source);
    b.putShort((short) 0).putShort((short) etherType).put(payload);
    return b.array();
  }

  static byte[] sll2(int etherType, long source, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.putShort((short) etherType).putShort((short) 0).putInt(2).putShort((short) 1).put((byte) 0).put((byte) 6);
    putMac(b, source);
    b.putShort((short) 0).put(payload);
    return b.array();
  }

  static byte[] ipv4(String source, String destination, int protocol, byte[] transport) {
    return ipv4Fragment(source, destination, protocol, 1, 0, false, transport);
  }

  /** An IPv4 packet carrying bytes at {@code offset} (a multiple of 8) of a datagram. */
  static byte[] ipv4Fragment(String source, String destination, int protocol, int id, int offset, boolean more,
      byte[] chunk) {
    ByteBuffer b = ByteBuffer.allocate(20 + chunk.length);
    b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + chunk.length)).putShort((short) id)
        .putShort((short) ((more ? 0x2000 : 0) | offset / 8)).put((byte) 64).put((byte) protocol).putShort((short) 0)
        .put(address(source)).put(address(destination)).put(chunk);
    return b.array();
  }

  /** An IPv6 packet; each extension header is given as its bytes with the next-header byte first. */
  static byte[] ipv6(String source, String destination, int nextHeader, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
    b.putInt(0x6000_0000).putShort((short) payload.length).put((byte) nextHeader).put((byte) 64)
        .put(address(source)).put(address(destination)).put(payload);
    return b.array();
  }

  /** An IPv6 extension header of 8 bytes (hop-by-hop, destination options, routing). */
  static byte[] extension(int next, byte[] rest) {
    ByteBuffer b = ByteBuffer.allocate(8 + rest.length);
    b.put((byte) next).put((byte) 0).put(new byte[6]).put(rest);
    return b.array();
  }

  static byte[] ipv6FragmentHeader(int next, int offset, boolean more, int id, byte[] rest) {
    ByteBuffer b = ByteBuffer.allocate(8 + rest.length);
    b.put((byte) next).put((byte) 0).putShort((short) (offset | (more ? 1 : 0))).putInt(id).put(rest);
    return b.array();
  }

  static byte[] tcp(int sourcePort, int destinationPort, int seq, int ack, int flags, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
    b.putShort((short) sourcePort).putShort((short) destinationPort).putInt(seq).putInt(ack)
        .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(payload);
    return b.array();
  }

  static byte[] udp(int sourcePort, int destinationPort, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
    b.putShort((short) sourcePort).putShort((short) destinationPort).putShort((short) (8 + payload.length))
        .putShort((short) 0).put(payload);
    return b.array();
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }

  static byte[] address(String text) {
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static void putMac(ByteBuffer b, long mac) {
    b.putShort((short) (mac >>> 32)).putInt((int) mac);
  }
}
