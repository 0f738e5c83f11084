package io.isthmus.capture.internal;

/** One TCP segment or UDP datagram as the packet decoder leaves it; reused for every packet. */
final class Packet {
  static final int TCP = 6;
  static final int UDP = 17;
  static final int FIN = 0x01;
  static final int SYN = 0x02;
  static final int RST = 0x04;
  static final int ACK = 0x10;

  long timeMicros;
  /** MAC addresses as 48-bit numbers, -1 where the link layer has none. */
  long sourceMac = -1;
  long destinationMac = -1;
  /** 4 for IPv4 addresses, 16 for IPv6. */
  int addressLength;
  final byte[] source = new byte[16];
  final byte[] destination = new byte[16];
  int protocol;
  int sourcePort;
  int destinationPort;
  int seq;
  int ack;
  int flags;
  /** The payload: {@code payload[payloadOffset, payloadOffset + payloadLength)}. */
  byte[] payload = new byte[0];
  int payloadOffset;
  int payloadLength;
  /** Payload bytes the IP or UDP length declares beyond those captured (the snap length cut them). */
  int missing;

  void clearLink() {
    sourceMac = -1;
    destinationMac = -1;
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
