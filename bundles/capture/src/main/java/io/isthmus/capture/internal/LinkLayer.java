package io.isthmus.capture.internal;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds the IP packet inside a frame: Ethernet (with 802.1Q and QinQ tags), Linux cooked capture
 * (SLL and SLL2), BSD loopback, and raw IP.
 */
final class LinkLayer {
  static final int NULL = 0;
  static final int ETHERNET = 1;
  static final int RAW = 101;
  static final int LOOP = 108;
  static final int LINUX_SLL = 113;
  static final int IPV4 = 228;
  static final int IPV6 = 229;
  static final int LINUX_SLL2 = 276;
  /** Link types some writers used for raw IP before LINKTYPE_RAW settled at 101. */
  private static final int RAW_OLD_A = 12;
  private static final int RAW_OLD_B = 14;

  static final int ETHERTYPE_IPV4 = 0x0800;
  static final int ETHERTYPE_IPV6 = 0x86dd;
  private static final int MAX_VLAN_TAGS = 8;
  private static final int ARPHRD_ETHER = 1;

  private final Weirds weirds;
  private final Set<Integer> unsupportedReported = new HashSet<>();
  /** Where the last frame's IP packet starts, and its EtherType. */
  int networkOffset;
  int etherType;

  LinkLayer(Weirds weirds) {
    this.weirds = weirds;
  }

  /**
   * Locates the network layer of {@code f}, setting {@link #networkOffset}, {@link #etherType} and
   * the packet's MAC addresses; false if the frame carries no IP or its link type is unknown.
   */
  boolean locate(Frame f, Packet p) {
    p.clearLink();
    etherType = -1;
    byte[] b = f.data;
    int o = f.offset;
    int end = f.offset + f.capturedLength;
    switch (f.linkType) {
      case ETHERNET -> {
        if (!need(f, 14)) {
          return false;
        }
        p.destinationMac = mac(b, o);
        p.sourceMac = mac(b, o + 6);
        int type = Bytes.u16(b, o + 12);
        o += 14;
        for (int tags = 0; type == 0x8100 || type == 0x88a8 || type == 0x9100 || type == 0x9200; tags++) {
          if (tags == MAX_VLAN_TAGS || o + 4 > end) {
            weirds.report(f.timeMicros, "truncated_link_header", tags == MAX_VLAN_TAGS
                ? "a frame with more than " + MAX_VLAN_TAGS + " VLAN tags" : "a frame ends inside its VLAN tags");
            return false;
          }
          type = Bytes.u16(b, o + 2);
          o += 4;
        }
        return found(o, type);
      }
      case LINUX_SLL -> {
        if (!need(f, 16)) {
          return false;
        }
        if (Bytes.u16(b, o + 2) == ARPHRD_ETHER && Bytes.u16(b, o + 4) == 6) {
          p.sourceMac = mac(b, o + 6);
        }
        return found(o + 16, Bytes.u16(b, o + 14));
      }
      case LINUX_SLL2 -> {
        if (!need(f, 20)) {
          return false;
        }
        if (Bytes.u16(b, o + 8) == ARPHRD_ETHER && Bytes.u8(b, o + 11) == 6) {
          p.sourceMac = mac(b, o + 12);
        }
        return found(o + 20, Bytes.u16(b, o));
      }
      case NULL, LOOP -> {
        if (!need(f, 4)) {
          return false;
        }
        int family = Bytes.i32(b, o, f.linkType == LOOP);
        if (f.linkType == NULL && !knownFamily(family)) {
          family = Integer.reverseBytes(family);
        }
        return found(o + 4, family == 2 ? ETHERTYPE_IPV4 : knownFamily(family) ? ETHERTYPE_IPV6 : -1);
      }
      case RAW, RAW_OLD_A, RAW_OLD_B, IPV4, IPV6 -> {
        if (!need(f, 1)) {
          return false;
        }
        int version = Bytes.u8(b, o) >> 4;
        return found(o, version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : -1);
      }
      default -> {
        if (unsupportedReported.add(f.linkType)) {
          weirds.report(f.timeMicros, "unsupported_link_type", "frames of link type " + f.linkType
              + " are skipped (reported once)");
        }
        return false;
      }
    }
  }

  /** AF_INET, and AF_INET6 as BSD variants number it. */
  private static boolean knownFamily(int family) {
    return family == 2 || family == 24 || family == 28 || family == 30;
  }

  private boolean need(Frame f, int bytes) {
    if (f.capturedLength >= bytes) {
      return true;
    }
    weirds.report(f.timeMicros, "truncated_link_header", "a frame of link type " + f.linkType + " has "
        + f.capturedLength + " bytes, fewer than its " + bytes + "-byte header");
    return false;
  }

  private boolean found(int offset, int type) {
    networkOffset = offset;
    etherType = type;
    return type == ETHERTYPE_IPV4 || type == ETHERTYPE_IPV6;
  }

  private static long mac(byte[] b, int at) {
    return (long) Bytes.u16(b, at) << 32 | Bytes.u32(b, at + 2);
  }
}
