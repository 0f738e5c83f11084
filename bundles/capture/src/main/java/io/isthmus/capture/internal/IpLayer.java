package io.isthmus.capture.internal;

import java.util.Arrays;

/**
 * IPv4 and IPv6: addresses, the transport protocol and where its bytes are, after skipping IPv6
 * extension headers and putting fragments back together. Link-layer padding beyond the IP
 * length is dropped; bytes the IP length declares but the capture lacks are counted as missing.
 */
final class IpLayer {
  private static final int HOP_BY_HOP = 0;
  private static final int ROUTING = 43;
  private static final int FRAGMENT = 44;
  private static final int AUTHENTICATION = 51;
  private static final int DESTINATION_OPTIONS = 60;
  private static final int MOBILITY = 135;
  private static final int HIP = 139;
  private static final int SHIM6 = 140;
  private static final int MAX_EXTENSION_HEADERS = 16;

  private final Weirds weirds;
  private final FragmentReassembler fragments;
  /** Where the last packet's transport header starts and ends, and in which array. */
  byte[] transport = new byte[0];
  int transportOffset;
  int transportEnd;

  IpLayer(Weirds weirds, FragmentReassembler fragments) {
    this.weirds = weirds;
    this.fragments = fragments;
  }

  /**
   * Decodes the IP packet at {@code o} in {@code f}; true if it (or the datagram it completes)
   * carries a transport payload, located by {@link #transport} and its offsets.
   */
  boolean decode(Frame f, int o, int etherType, Packet p) {
    int end = f.offset + f.capturedLength;
    p.missing = 0;
    return etherType == LinkLayer.ETHERTYPE_IPV4 ? ipv4(f, o, end, p) : ipv6(f, o, end, p);
  }

  private boolean ipv4(Frame f, int o, int end, Packet p) {
    byte[] b = f.data;
    int available = end - o;
    if (available < 20 || Bytes.u8(b, o) >> 4 != 4) {
      return bad(f, "ip_bad_header", available < 20 ? "an IPv4 header cut at " + available + " bytes"
          : "an IPv4 EtherType on a version " + (Bytes.u8(b, o) >> 4) + " packet");
    }
    int headerLength = (Bytes.u8(b, o) & 0x0f) * 4;
    int total = Bytes.u16(b, o + 2);
    if (total == 0) {
      // Captured before TCP segmentation offload filled the length in.
      total = available;
    }
    if (headerLength < 20 || headerLength > available || total < headerLength) {
      return bad(f, "ip_bad_header", "an IPv4 header of " + headerLength + " bytes in a packet of " + total
          + " bytes, " + available + " captured");
    }
    if (total > available) {
      p.missing = total - available;
      weirds.report(f.timeMicros, "ip_truncated", "the capture holds " + available + " of a " + total
          + "-byte IPv4 packet (snap length)");
      total = available;
    }
    p.addressLength = 4;
    System.arraycopy(b, o + 12, p.source, 0, 4);
    System.arraycopy(b, o + 16, p.destination, 0, 4);
    p.protocol = Bytes.u8(b, o + 9);
    int fragment = Bytes.u16(b, o + 6);
    boolean more = (fragment & 0x2000) != 0;
    int offset = (fragment & 0x1fff) * 8;
    if (more || offset != 0) {
      return reassemble(f, p, Bytes.u16(b, o + 4), offset, o + headerLength, o + total, more);
    }
    return located(b, o + headerLength, o + total);
  }

  private boolean ipv6(Frame f, int o, int end, Packet p) {
    byte[] b = f.data;
    int available = end - o;
    if (available < 40 || Bytes.u8(b, o) >> 4 != 6) {
      return bad(f, "ip_bad_header", available < 40 ? "an IPv6 header cut at " + available + " bytes"
          : "an IPv6 EtherType on a version " + (Bytes.u8(b, o) >> 4) + " packet");
    }
    int payload = Bytes.u16(b, o + 4);
    int stop = payload == 0 ? end : o + 40 + payload;
    if (stop > end) {
      p.missing = stop - end;
      weirds.report(f.timeMicros, "ip_truncated", "the capture holds " + available + " of a " + (40 + payload)
          + "-byte IPv6 packet (snap length)");
      stop = end;
    }
    p.addressLength = 16;
    System.arraycopy(b, o + 8, p.source, 0, 16);
    System.arraycopy(b, o + 24, p.destination, 0, 16);
    int next = Bytes.u8(b, o + 6);
    int h = o + 40;
    for (int i = 0; i < MAX_EXTENSION_HEADERS; i++) {
      switch (next) {
        case HOP_BY_HOP, ROUTING, DESTINATION_OPTIONS, MOBILITY, HIP, SHIM6, AUTHENTICATION -> {
          if (h + 2 > stop) {
            return bad(f, "ip6_bad_extension_header", "an IPv6 extension header cut by the packet's end");
          }
          int length = next == AUTHENTICATION ? (Bytes.u8(b, h + 1) + 2) * 4 : (Bytes.u8(b, h + 1) + 1) * 8;
          next = Bytes.u8(b, h);
          h += length;
        }
        case FRAGMENT -> {
          if (h + 8 > stop) {
            return bad(f, "ip6_bad_extension_header", "an IPv6 fragment header cut by the packet's end");
          }
          int field = Bytes.u16(b, h + 2);
          int offset = field & 0xfff8;
          boolean more = (field & 1) != 0;
          next = Bytes.u8(b, h);
          h += 8;
          if (offset != 0 || more) {
            p.protocol = next;
            return reassemble(f, p, Bytes.i32(b, h - 4), offset, h, stop, more);
          }
        }
        default -> {
          p.protocol = next;
          return located(b, h, stop);
        }
      }
      if (h > stop) {
        return bad(f, "ip6_bad_extension_header", "an IPv6 extension header runs past the packet's end");
      }
    }
    return bad(f, "ip6_bad_extension_header", "more than " + MAX_EXTENSION_HEADERS + " IPv6 extension headers");
  }

  private boolean reassemble(Frame f, Packet p, int id, int offset, int from, int to, boolean more) {
    if (p.missing > 0) {
      return bad(f, "fragment_truncated", "a fragment cut by the snap length cannot be reassembled");
    }
    FragmentReassembler.Key key = new FragmentReassembler.Key(Arrays.copyOf(p.source, p.addressLength),
        Arrays.copyOf(p.destination, p.addressLength), id, p.protocol);
    byte[] whole = fragments.add(key, offset, f.data, from, to - from, more, f.timeMicros);
    return whole != null && located(whole, 0, whole.length);
  }

  private boolean located(byte[] b, int from, int to) {
    transport = b;
    transportOffset = from;
    transportEnd = to;
    return true;
  }

  private boolean bad(Frame f, String name, String detail) {
    weirds.report(f.timeMicros, name, detail);
    return false;
  }
}
