package io.isthmus.capture.internal;

import java.util.Arrays;

/**
 * Identifies a conversation by protocol and both (address, port) ends, the same whichever way a
 * packet travels: the lower end is always side {@code a}. One instance is reused as the lookup
 * probe; the table keeps copies.
 */
final class FlowKey {
  private int protocol;
  private int addressLength;
  private final byte[] a = new byte[16];
  private final byte[] b = new byte[16];
  /** The IPv4 addresses as ints (when {@code addressLength} is 4). */
  private int a4;
  private int b4;
  private int aPort;
  private int bPort;
  private int hash;

  /** Sets this key to the packet's conversation; returns whether the packet's source is side {@code a}. */
  boolean set(Packet p) {
    protocol = p.protocol;
    addressLength = p.addressLength;
    if (addressLength == 4) {
      return setIpv4(p);
    }
    int order = Arrays.compareUnsigned(p.source, 0, addressLength, p.destination, 0, addressLength);
    boolean sourceIsA = order < 0 || order == 0 && p.sourcePort <= p.destinationPort;
    System.arraycopy(sourceIsA ? p.source : p.destination, 0, a, 0, addressLength);
    System.arraycopy(sourceIsA ? p.destination : p.source, 0, b, 0, addressLength);
    aPort = sourceIsA ? p.sourcePort : p.destinationPort;
    bPort = sourceIsA ? p.destinationPort : p.sourcePort;
    int h = protocol * 31 + addressLength;
    for (int i = 0; i < addressLength; i++) {
      h = h * 31 + a[i];
      h = h * 31 + b[i];
    }
    hash = (h * 31 + aPort) * 31 + bPort;
    return sourceIsA;
  }

  /** IPv4, nearly every packet: the addresses compared and hashed as two ints (this runs once a packet). */
  private boolean setIpv4(Packet p) {
    int source = Bytes.i32(p.source, 0);
    int destination = Bytes.i32(p.destination, 0);
    int order = Integer.compareUnsigned(source, destination);
    boolean sourceIsA = order < 0 || order == 0 && p.sourcePort <= p.destinationPort;
    a4 = sourceIsA ? source : destination;
    b4 = sourceIsA ? destination : source;
    System.arraycopy(sourceIsA ? p.source : p.destination, 0, a, 0, 4);
    System.arraycopy(sourceIsA ? p.destination : p.source, 0, b, 0, 4);
    aPort = sourceIsA ? p.sourcePort : p.destinationPort;
    bPort = sourceIsA ? p.destinationPort : p.sourcePort;
    hash = (((protocol * 31 + a4) * 31 + b4) * 31 + aPort) * 31 + bPort;
    return sourceIsA;
  }

  boolean isTcp() {
    return protocol == Packet.TCP;
  }

  FlowKey copy() {
    FlowKey k = new FlowKey();
    k.protocol = protocol;
    k.addressLength = addressLength;
    System.arraycopy(a, 0, k.a, 0, addressLength);
    System.arraycopy(b, 0, k.b, 0, addressLength);
    k.a4 = a4;
    k.b4 = b4;
    k.aPort = aPort;
    k.bPort = bPort;
    k.hash = hash;
    return k;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FlowKey k && hash == k.hash && protocol == k.protocol && aPort == k.aPort && bPort == k.bPort
        && addressLength == k.addressLength
        && (addressLength == 4
            ? a4 == k.a4 && b4 == k.b4
            : Arrays.equals(a, 0, addressLength, k.a, 0, addressLength)
                && Arrays.equals(b, 0, addressLength, k.b, 0, addressLength));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return (protocol == Packet.TCP ? "tcp " : protocol == Packet.UDP ? "udp " : protocol + " ")
        + InetText.address(a, addressLength) + ":" + aPort + " <-> " + InetText.address(b, addressLength) + ":" + bPort;
  }
}
